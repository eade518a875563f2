import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AgingSort, InvoiceStatus, Side } from '@medchannel/shared-schema';
import { badInput } from '../../common/errors';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { Decimal } from '../../common/money';
import { LocalDateScalar, today } from '../../common/dates';
import { MoneyType, money } from '../product';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { ShipmentType } from '../order';
import { Shipment } from '../order';
import { Invoice, Payment, Statement } from './finance.entity';
import {
  AccountFilter,
  DisputeStatementInput,
  OpenItemsArgs,
  IssueInvoiceInput,
  RecordPaymentInput,
  ResolveDisputeInput,
  StatementArgs,
} from './finance.inputs';
import {
  AccountSummaryType,
  AgingConnection,
  AgingFiguresType,
  AgingRowType,
  InvoiceConnection,
  InvoiceType,
  PaymentConnection,
  PaymentType,
  ReceivableItemType,
  RegionAgingRowType,
  StatementConnection,
  StatementFilterArgs,
  StatementType,
} from './finance.types';
import { AgingFigures, OpenItem } from './receivables';
import { Can } from '../../auth/can';
import { selectionOf } from '../../common/selection';
import { primeStatementTree, readStatementTree, statementTreeParts } from './statement-tree';
import { agingTreeParts, primeAgingRows } from './aging-tree';
import { primeStatementPage, statementPageParts } from './statement-page';

const agingMoney = (r: AgingFigures): AgingFiguresType => ({
  days0to30: money(r.buckets.D0_30, 'CNY'),
  days31to60: money(r.buckets.D31_60, 'CNY'),
  days61to90: money(r.buckets.D61_90, 'CNY'),
  days90plus: money(r.buckets.D90_PLUS, 'CNY'),
  total: money(r.total, 'CNY'),
  overdue: money(r.overdue, 'CNY'),
});

const item = (i: OpenItem, ctx: GqlContext) => ({
  entryId: i.entryId,
  // a getter, read only when the query asks for the distributor: loading it eagerly sent one more
  // query after every answer that did not (the benchmark caught it)
  get distributor() {
    return loadersOf(ctx).distributorById.load(i.distributorId);
  },
  occurredOn: i.occurredOn,
  dueOn: i.dueOn,
  kind: i.kind,
  memo: i.memo,
  amount: money(i.amount, 'CNY'),
  outstanding: money(i.outstanding, 'CNY'),
  overdue: i.dueOn < today(),
});

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Can('finance.read')
  @Query(() => InvoiceConnection)
  invoices(
    @Args() page: PageArgs,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<Invoice>> {
    return ctx.services.invoices.list(requireScope(ctx), page, filter);
  }

  @Can('finance.read')
  @Query(() => InvoiceType)
  invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<Invoice> {
    return ctx.services.invoices.get(requireScope(ctx), id);
  }

  @Can('finance.keepAccounts')
  @Query(() => [ShipmentType], { description: 'A distributor’s shipments not yet invoiced' })
  uninvoicedShipments(
    @Arg('distributorId', () => ID) distributorId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<Shipment[]> {
    return ctx.services.invoices.uninvoicedShipments(requireScope(ctx), distributorId);
  }

  @Can('finance.keepAccounts')
  @Mutation(() => InvoiceType)
  issueInvoice(@Arg('input') input: IssueInvoiceInput, @Ctx() ctx: GqlContext): Promise<Invoice> {
    return ctx.services.invoices.issue(requireScope(ctx), input);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() i: Invoice, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(i.distributorId);
  }

  @FieldResolver(() => MoneyType)
  netAmount(@Root() i: Invoice): MoneyType {
    return money(i.netAmount, i.currency);
  }

  @FieldResolver(() => MoneyType)
  taxAmount(@Root() i: Invoice): MoneyType {
    return money(i.taxAmount, i.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'Tax-inclusive total' })
  grossAmount(@Root() i: Invoice): MoneyType {
    return money(i.grossAmount, i.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'Allocated from payments so far' })
  async paidAmount(@Root() i: Invoice, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    return money(await loadersOf(ctx).paidByInvoiceId.load(i.id), i.currency);
  }

  @FieldResolver(() => InvoiceStatus)
  async status(@Root() i: Invoice, @Ctx() ctx: GqlContext): Promise<InvoiceStatus> {
    const paid = new Decimal(await loadersOf(ctx).paidByInvoiceId.load(i.id));
    if (paid.gte(i.grossAmount)) return InvoiceStatus.PAID;
    return paid.gt(0) ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
  }
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @Can('finance.read')
  @Query(() => PaymentConnection)
  payments(
    @Args() page: PageArgs,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<Payment>> {
    return ctx.services.payments.list(requireScope(ctx), page, filter);
  }

  @Can('finance.keepAccounts')
  @Mutation(() => PaymentType, {
    description: 'Records money received; the same external reference again changes nothing',
  })
  recordPayment(@Arg('input') input: RecordPaymentInput, @Ctx() ctx: GqlContext): Promise<Payment> {
    return ctx.services.payments.record(requireScope(ctx), input);
  }

  @FieldResolver(() => MoneyType)
  amount(@Root() p: Payment): MoneyType {
    return money(p.amount, p.currency);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() p: Payment, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(p.distributorId);
  }

  @FieldResolver(() => [InvoiceType], { description: 'The invoices this payment settled' })
  async invoices(@Root() p: Payment, @Ctx() ctx: GqlContext): Promise<Invoice[]> {
    const allocations = await loadersOf(ctx).allocationsByPaymentId.load(p.id);
    const invoices = await loadersOf(ctx).invoiceById.loadMany(allocations.map((a) => a.invoiceId));
    return invoices.filter((i): i is Invoice => i !== null && !(i instanceof Error));
  }

  @FieldResolver(() => MoneyType, { description: 'Not yet allocated to an invoice' })
  async unallocated(@Root() p: Payment, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    const allocations = await loadersOf(ctx).allocationsByPaymentId.load(p.id);
    return money(
      allocations.reduce((left, a) => left.minus(a.amount), new Decimal(p.amount)),
      p.currency,
    );
  }
}

@Resolver(() => AgingRowType)
export class AccountResolver {
  @Can('finance.read')
  @Query(() => AgingConnection, {
    description:
      'Receivables aging per distributor (those with something open), largest total (or most overdue) first, with the totals of all of them',
  })
  async receivablesAging(
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Arg('sort', () => AgingSort, { nullable: true, description: 'Largest total first unless asked otherwise' })
    sort: AgingSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AgingConnection> {
    const scope = requireScope(ctx);
    // the rows' distributors and their regions come with the page, in its statement (aging-tree.ts)
    const parts = agingTreeParts(selectionOf(info).nodes);
    const { nodes, totalCount, pageInfo, totals } = await ctx.services.replica.read(() =>
      ctx.services.accounts.aging(scope, filter ?? {}, page, sort ?? undefined, undefined, parts),
    );
    if (parts.distributor) primeAgingRows(ctx.ds, loadersOf(ctx), parts, nodes);
    return {
      nodes: nodes.map((r) => ({
        ...agingMoney(r),
        // a getter, as for open items: loaded only when the query asks for it
        get distributor() {
          return loadersOf(ctx).distributorById.load(r.distributorId);
        },
      })),
      totalCount,
      pageInfo,
      totals: agingMoney(totals),
    };
  }

  @Can('finance.readRegions')
  @Query(() => [RegionAgingRowType], { description: 'Receivables aging per province, largest first' })
  async receivablesAgingByRegion(
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<RegionAgingRowType[]> {
    const scope = requireScope(ctx);
    const rows = await ctx.services.replica.read(() => ctx.services.accounts.agingByRegion(scope, filter ?? {}));
    return rows.map((r) => ({
      ...agingMoney(r),
      get region() {
        return loadersOf(ctx).regionById.load(r.regionId);
      },
    }));
  }

  @Can('finance.read')
  @Query(() => [ReceivableItemType], {
    description: 'Open receivables due by a date (overdue ones included): the collection calendar',
  })
  async collectionPlan(
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<ReceivableItemType[]> {
    return (await ctx.services.accounts.collectionPlan(requireScope(ctx), filter ?? {}, to)).map(
      (i) => item(i, ctx) as unknown as ReceivableItemType,
    );
  }

  @Can('finance.read')
  @Query(() => AccountSummaryType, { description: 'A distributor’s balance now and what falls due next' })
  async accountSummary(
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<AccountSummaryType> {
    const scope = requireScope(ctx);
    const id = distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
    if (!id) throw badInput('distributorId', 'Choose the distributor');
    const summary = await ctx.services.accounts.summary(scope, id);
    return {
      distributorId: summary.distributorId,
      balance: money(summary.balance, 'CNY'),
      openCount: summary.openCount,
      overdue: money(summary.overdue, 'CNY'),
      overdueCount: summary.overdueCount,
      nextDue: summary.nextDue && (item(summary.nextDue, ctx) as unknown as ReceivableItemType),
      paymentTermsDays: summary.paymentTermsDays,
    };
  }
}

@Resolver(() => AccountSummaryType)
export class AccountSummaryResolver {
  /** Read only when asked for (the account card shows the figures; the list opens on demand). */
  @FieldResolver(() => [ReceivableItemType], {
    description: 'Open receivables, earliest due first; `first` keeps the first ones',
  })
  async open(
    @Root() summary: AccountSummaryType,
    @Args() { first }: OpenItemsArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<ReceivableItemType[]> {
    const items = await ctx.services.accounts.openItemsOf(requireScope(ctx), summary.distributorId, first ?? null);
    return items.map((i) => item(i, ctx) as unknown as ReceivableItemType);
  }
}

@Resolver(() => StatementType)
export class StatementResolver {
  @Can('finance.read')
  @Query(() => StatementConnection)
  /** The list with what the request asks of each row's lines, disputes and versions: one statement (statement-page.ts). */
  async statements(
    @Args() page: PageArgs,
    @Args() { period, status }: StatementFilterArgs,
    @Arg('filter', () => AccountFilter, { nullable: true }) filter: AccountFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Statement>> {
    const parts = statementPageParts(selectionOf(info).nodes);
    const found = await ctx.services.statements.list(requireScope(ctx), page, { ...filter, period, status }, parts);
    return { ...found, nodes: primeStatementPage(loadersOf(ctx), found.nodes) };
  }

  @Can('finance.read')
  @Query(() => StatementType)
  /** The statement with what the request asks of its lines, disputes and versions: one statement (statement-tree.ts). */
  async statement(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Statement> {
    const tree = await readStatementTree(ctx.ds, requireScope(ctx), id, statementTreeParts(selectionOf(info)));
    return primeStatementTree(loadersOf(ctx), tree);
  }

  @Can('finance.keepAccounts')
  @Mutation(() => StatementType, { description: 'Issues a closed month’s statement (or returns the version in force)' })
  generateStatement(@Args() { distributorId, period }: StatementArgs, @Ctx() ctx: GqlContext): Promise<Statement> {
    return ctx.services.statements.generate(requireScope(ctx), distributorId, period);
  }

  @Can('statement.answer')
  @Mutation(() => StatementType)
  confirmStatement(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<Statement> {
    return ctx.services.statementReview.confirm(requireScope(ctx), id);
  }

  @Can('statement.answer')
  @Mutation(() => StatementType)
  disputeStatement(@Arg('input') input: DisputeStatementInput, @Ctx() ctx: GqlContext): Promise<Statement> {
    return ctx.services.statementReview.dispute(requireScope(ctx), input);
  }

  @Can('finance.keepAccounts')
  @Mutation(() => StatementType, {
    description: 'Answers one dispute; answering the last one reissues the statement (the new version is returned)',
  })
  resolveStatementDispute(@Arg('input') input: ResolveDisputeInput, @Ctx() ctx: GqlContext): Promise<Statement> {
    return ctx.services.statementReview.resolve(requireScope(ctx), input);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(s.distributorId);
  }

  @FieldResolver(() => MoneyType)
  openingBalance(@Root() s: Statement): MoneyType {
    return money(s.openingBalance, s.currency);
  }

  @FieldResolver(() => MoneyType)
  closingBalance(@Root() s: Statement): MoneyType {
    return money(s.closingBalance, s.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'What the month added to the balance' })
  debits(@Root() s: Statement): MoneyType {
    return money(s.debits, s.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'What the month took off it' })
  credits(@Root() s: Statement): MoneyType {
    return money(s.credits, s.currency);
  }
}
