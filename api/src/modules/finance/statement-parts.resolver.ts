import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { MoneyType, money } from '../product';
import { Decimal } from '../../common/money';
import { UserType } from '../user';
import { User } from '../user';
import { Statement, StatementDispute, StatementLine } from './finance.entity';
import {
  StatementChangesType,
  StatementDisputeConnection,
  StatementDisputeType,
  StatementLineType,
  StatementType,
} from './finance.types';
import { statementChanges } from './statement-changes';
import { disputePageParts, primeDisputePage } from './dispute-page';
import { selectionOf } from '../../common/selection';
import { Can } from '../../auth/can';

/** Whether the query asks for this field of the items (e.g. `lines { dispute }`), directly or in a fragment. */
function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  const within = (set: SelectionSetNode | undefined): boolean =>
    Boolean(
      set?.selections.some((s) =>
        s.kind === Kind.FIELD
          ? s.name.value === field
          : within(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : info.fragments[s.name.value]?.selectionSet),
      ),
    );
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/**
 * Lines as the API answers them: plain objects with the amount as money and the line's dispute
 * (the first one of the line; loaded with the lines when the query asks for it). A statement has
 * hundreds of lines: a resolver per line for each of these was a visible share of the page's CPU.
 */
async function lineViews(
  ctx: GqlContext,
  statementId: string,
  lines: StatementLine[],
  withDisputes: boolean,
): Promise<StatementLineType[]> {
  const byLine = new Map<string, StatementDispute>();
  if (withDisputes)
    for (const d of await loadersOf(ctx).disputesByStatementId.load(statementId))
      if (!byLine.has(d.statementLineId)) byLine.set(d.statementLineId, d);
  return lines.map((l) => ({
    id: l.id,
    statementId: l.statementId,
    lineNo: l.lineNo,
    occurredOn: l.occurredOn,
    kind: l.kind,
    memo: l.memo,
    amount: money(l.amount, 'CNY'),
    dispute: byLine.get(l.id) ?? null,
  }));
}

/** A statement's lines, disputes and versions, batched per request. */
@Resolver(() => StatementType)
export class StatementDetailResolver {
  @FieldResolver(() => [StatementLineType])
  async lines(
    @Root() s: Statement,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatementLineType[]> {
    return lineViews(ctx, s.id, await loadersOf(ctx).statementLinesByStatementId.load(s.id), asksFor(info, 'dispute'));
  }

  @FieldResolver(() => [StatementDisputeType])
  disputes(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<StatementDispute[]> {
    return loadersOf(ctx).disputesByStatementId.load(s.id);
  }

  @FieldResolver(() => [StatementType], {
    description: 'Every version of this month, oldest first (the history stays)',
  })
  versions(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<Statement[]> {
    return loadersOf(ctx).statementVersionsByMonth.load(`${s.distributorId}|${s.period}`);
  }

  @FieldResolver(() => StatementChangesType, {
    nullable: true,
    description: 'What changed against the version before (none for version 1)',
  })
  async changes(@Root() s: Statement, @Ctx() ctx: GqlContext): Promise<StatementChangesType | null> {
    if (s.version < 2) return null;
    const loaders = loadersOf(ctx);
    const previous = (await loaders.statementVersionsByMonth.load(`${s.distributorId}|${s.period}`)).find(
      (v) => v.version === s.version - 1,
    );
    if (!previous) return null;
    const [before, now] = await Promise.all([
      loaders.statementLinesByStatementId.load(previous.id),
      loaders.statementLinesByStatementId.load(s.id),
    ]);
    const c = statementChanges(previous, before, s, now);
    return {
      previousVersion: c.previousVersion,
      openingBalanceChange: money(c.openingBalanceChange, s.currency),
      closingBalanceChange: money(c.closingBalanceChange, s.currency),
      lines: c.lines.map((l) => ({
        change: l.change,
        lineNo: l.lineNo,
        occurredOn: l.occurredOn,
        kind: l.kind,
        memo: l.memo,
        previousAmount: l.previousAmount === null ? null : money(l.previousAmount, s.currency),
        amount: l.amount === null ? null : money(l.amount, s.currency),
        effect: money(l.effect, s.currency),
      })),
    };
  }
}

@Resolver(() => StatementLineType)
export class StatementLineResolver {
  @FieldResolver(() => MoneyType, {
    description: 'The balance after this line: opening balance plus the lines up to it',
  })
  async balanceAfter(@Root() l: StatementLineType, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    const [statement, lines] = await Promise.all([
      loadersOf(ctx).statementById.load(l.statementId),
      loadersOf(ctx).statementLinesByStatementId.load(l.statementId),
    ]);
    const balance = lines
      .filter((x) => x.lineNo <= l.lineNo)
      .reduce((sum, x) => sum.plus(x.amount), new Decimal(statement?.openingBalance ?? 0));
    return money(balance, 'CNY');
  }
}

@Resolver(() => StatementDisputeType)
export class StatementDisputeResolver {
  @Can('statement.listDisputes')
  @Query(() => StatementDisputeConnection, { description: 'Disputes waiting for finance, oldest first' })
  async statementDisputes(
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<StatementDispute>> {
    const parts = disputePageParts(selectionOf(info).nodes);
    const found = await ctx.services.statements.openDisputes(requireScope(ctx), page, parts);
    return { ...found, nodes: primeDisputePage(loadersOf(ctx), found.nodes) };
  }

  @FieldResolver(() => StatementType, { nullable: true })
  statement(@Root() d: StatementDispute, @Ctx() ctx: GqlContext): Promise<Statement | null> {
    return loadersOf(ctx).statementById.load(d.statementId);
  }

  @FieldResolver(() => StatementLineType, { nullable: true })
  async line(
    @Root() d: StatementDispute,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatementLineType | null> {
    const line = await loadersOf(ctx).statementLineById.load(d.statementLineId);
    return line && line.statementId === d.statementId
      ? (await lineViews(ctx, d.statementId, [line], asksFor(info, 'dispute')))[0]
      : null;
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
