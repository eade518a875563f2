import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Product, ProductType } from '../product';
import type { TenderLetterWithStatus } from './tender-letter.service';
import { IssueTenderLetterInput, TenderLetterType } from './tender-letter.types';
import { Tender } from './tender.entity';
import { TenderType } from './tender.types';

@Resolver(() => TenderLetterType)
export class TenderLetterResolver {
  @Can('tender.issueLetter')
  @Mutation(() => TenderLetterType, {
    description:
      '授权书 for the tender: its distributor may bid it at the hospital for these products (refused, NOT_COMPLIANT, where its authorization does not cover them)',
  })
  issueTenderLetter(
    @Arg('input') input: IssueTenderLetterInput,
    @Ctx() ctx: GqlContext,
  ): Promise<TenderLetterWithStatus> {
    return ctx.services.tenderLetters.issue(requireScope(ctx), input);
  }

  @FieldResolver(() => [ProductType], { description: 'The products it authorizes' })
  async products(@Root() l: TenderLetterWithStatus, @Ctx() ctx: GqlContext): Promise<Product[]> {
    const found = await loadersOf(ctx).productById.loadMany(l.productIds);
    return found.filter((p): p is Product => p !== null && !(p instanceof Error));
  }
}

/** A tender's letters, through the viewer's scope like the tender itself. */
@Resolver(() => TenderType)
export class TenderLettersResolver {
  @FieldResolver(() => [TenderLetterType], { description: 'Its authorization letters (授权书), oldest first' })
  letters(@Root() t: Tender, @Ctx() ctx: GqlContext): Promise<TenderLetterWithStatus[]> {
    return loadersOf(ctx).lettersByTenderId.load(t.id);
  }
}
