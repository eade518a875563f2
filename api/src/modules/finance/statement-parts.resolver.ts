import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { MoneyType, money } from '../product/product.types';
import { Decimal } from '../../common/money';
import { UserType } from '../user/user.types';
import { User } from '../user/user.entity';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import { StatementDisputeConnection, StatementDisputeType, StatementLineType, StatementType } from './finance.types';

/** A statement's lines, disputes and versions, batched per request. */
@Resolver(() => StatementType)
export class StatementDetailResolver {
  @FieldResolver(() => [StatementLineType])
  lines(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<StatementLine[]> {
    return loadersOf(ctx).statementLinesByStatementId.load(s.id);
  }

  @FieldResolver(() => [StatementDisputeType])
  disputes(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<StatementDispute[]> {
    return loadersOf(ctx).disputesByStatementId.load(s.id);
  }

  @FieldResolver(() => [StatementType], { description: 'Every version of this month, oldest first (the history stays)' })
  versions(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<Statement[]> {
    return loadersOf(ctx).statementVersionsByMonth.load(`${s.distributorId}|${s.period}`);
  }
}

@Resolver(() => StatementLineType)
export class StatementLineResolver {
  @FieldResolver(() => MoneyType, { description: 'Positive adds to what is owed' })
  amount(@Root() l: StatementLine): MoneyType {
    return money(l.amount, 'CNY');
  }

  @FieldResolver(() => MoneyType, { description: 'The balance after this line: opening balance plus the lines up to it' })
  async balanceAfter(@Root() l: StatementLine, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    const [statement, lines] = await Promise.all([
      loadersOf(ctx).statementById.load(l.statementId),
      loadersOf(ctx).statementLinesByStatementId.load(l.statementId),
    ]);
    const balance = lines.filter((x) => x.lineNo <= l.lineNo).reduce((sum, x) => sum.plus(x.amount), new Decimal(statement?.openingBalance ?? 0));
    return money(balance, 'CNY');
  }

  @FieldResolver(() => StatementDisputeType, { nullable: true })
  async dispute(@Root() l: StatementLine, @Ctx() ctx: GqlContext): Promise<StatementDispute | null> {
    return (await loadersOf(ctx).disputesByStatementId.load(l.statementId)).find((d) => d.statementLineId === l.id) ?? null;
  }
}

@Resolver(() => StatementDisputeType)
export class StatementDisputeResolver {
  @Authorized(Role.ADMIN, Role.FINANCE, Role.REGIONAL_HEAD)
  @Query(() => StatementDisputeConnection, { description: 'Disputes waiting for finance, oldest first' })
  statementDisputes(@Args() page: PageArgs, @Ctx() ctx: GqlContext): Promise<Page<StatementDispute>> {
    return ctx.services.statements.openDisputes(requireScope(ctx), page);
  }

  @FieldResolver(() => StatementType, { nullable: true })
  statement(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<Statement | null> {
    return loadersOf(ctx).statementById.load(d.statementId);
  }

  @FieldResolver(() => StatementLineType, { nullable: true })
  async line(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<StatementLine | null> {
    return (await loadersOf(ctx).statementLinesByStatementId.load(d.statementId)).find((l) => l.id === d.statementLineId) ?? null;
  }

  @FieldResolver(() => UserType, { nullable: true })
  raisedBy(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(d.raisedBy);
  }

  @FieldResolver(() => UserType, { nullable: true })
  async resolvedBy(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<User | null> {
    return d.resolvedBy ? loadersOf(ctx).userById.load(d.resolvedBy) : null;
  }
}
