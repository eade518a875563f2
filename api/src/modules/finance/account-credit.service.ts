import { DataSource, EntityManager } from 'typeorm';
import { AccountCreditKind, LedgerEntryKind } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { badInput, notFound } from '../../common/errors';
import { daysBetween } from '../../common/dates';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { Decimal } from '../../common/money';
import type { DistributorService } from '../distributor';
import type { LedgerService } from '../ledger';
import { lockAccount } from '../ledger';
import { AccountCredit } from './account-credit.entity';
import { AccountCreditFilter, PostAccountCreditInput } from './account-credit.types';
import { filterAccounts } from './account-filter';

const LEDGER_KIND: Record<AccountCreditKind, LedgerEntryKind> = {
  [AccountCreditKind.CREDIT_NOTE]: LedgerEntryKind.CREDIT_NOTE,
  [AccountCreditKind.REBATE]: LedgerEntryKind.REBATE,
};

/** The poster's own key: a retry of one posting is the same person's same request. */
const creditWrite = (scope: Scope, input: PostAccountCreditInput): IdempotentWrite<AccountCredit> => ({
  hash: fingerprint({
    d: input.distributorId,
    k: input.kind,
    a: new Decimal(input.amount).toFixed(2),
    on: input.occurredOn,
    r: input.reason.trim(),
  }),
  constraint: 'account_credit_request_key',
  earlier: (em) => em.findOne(AccountCredit, { where: { createdBy: scope.userId, requestKey: input.idempotencyKey } }),
  reused: () => keyReused('This request key was already used for another credit'),
});

/**
 * 折让 and 返利 posted by hand: a record with its reason and a ledger entry of its kind that lowers
 * what the distributor owes, so the balance, the aging and the next statement all show it.
 * Idempotent by the request's key; the account lock orders it against statements being issued.
 */
export class AccountCreditService {
  constructor(
    private readonly ds: DataSource,
    private readonly distributors: DistributorService,
    private readonly ledger: LedgerService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(AccountCredit).createQueryBuilder('c'), scope, 'finance');
  }

  /** Newest day first: the list finance reads them in. */
  list(scope: Scope, page: PageArgs, filter: AccountCreditFilter = {}): Promise<Page<AccountCredit>> {
    if (filter.from && filter.to && daysBetween(filter.from, filter.to) < 0)
      throw badInput('to', 'The range ends before it starts');
    const qb = this.scoped(scope);
    filterAccounts(qb, 'c.distributor_id', filter);
    if (filter.kind) qb.andWhere('c.kind = :k', { k: filter.kind });
    if (filter.from) qb.andWhere('c.occurred_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('c.occurred_on <= :to', { to: filter.to });
    return paginate(
      qb,
      page,
      [
        { column: 'c.occurred_on', value: (c) => c.occurredOn },
        { column: 'c.id', value: (c) => c.id },
      ],
      'DESC',
    );
  }

  async post(scope: Scope, input: PostAccountCreditInput): Promise<AccountCredit> {
    const write = creditWrite(scope, input);
    const id = await idempotent(this.ds, write, async (em) => {
      // the account is read through the viewer's scope: another region's distributor answers like none
      const [distributor] = await this.distributors.byIds(scope, [input.distributorId], em);
      if (!distributor) throw notFound('Distributor');
      await lockAccount(em, distributor.id);
      return replayOrInsert(em, write, async () => {
        const amount = new Decimal(input.amount).toFixed(2);
        const credit = await em.save(
          em.create(AccountCredit, {
            brandId: scope.brandId,
            distributorId: distributor.id,
            kind: input.kind,
            amount,
            currency: 'CNY',
            occurredOn: input.occurredOn,
            reason: input.reason.trim(),
            createdBy: scope.userId,
            requestKey: input.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        const entry = await this.ledger.append(em, {
          brandId: scope.brandId,
          distributorId: distributor.id,
          kind: LEDGER_KIND[input.kind],
          amount: new Decimal(amount).negated().toFixed(2),
          currency: credit.currency,
          occurredOn: input.occurredOn,
          sourceType: 'account_credit',
          sourceId: credit.id,
          memo: credit.reason,
          createdBy: scope.userId,
        });
        await audit(em, scope, 'POST_ACCOUNT_CREDIT', 'distributor', distributor.id, {
          creditId: credit.id,
          kind: input.kind,
          amount,
          occurredOn: entry.occurredOn,
          reason: credit.reason,
        });
        return credit.id;
      });
    });
    const found = await this.scoped(scope).andWhere('c.id = :id', { id }).getOne();
    if (!found) throw notFound('Distributor');
    return found;
  }
}
