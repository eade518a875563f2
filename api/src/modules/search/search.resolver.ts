import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GlobalSearchKind } from '@medchannel/shared-schema';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { GlobalSearchArgs, GlobalSearchResult } from './search.types';

/** Ids to records through the request's loaders (one batch per kind, in scope), in the order found. */
async function load<T>(loader: { loadMany: (ids: string[]) => Promise<Array<T | null | Error>> }, ids: string[]) {
  const found = await loader.loadMany(ids);
  return found.filter((x): x is T => x != null && !(x instanceof Error));
}

@Resolver(() => GlobalSearchResult)
export class SearchResolver {
  @Can('console.search')
  @Query(() => GlobalSearchResult, {
    description:
      'The console’s search while typing: per kind the viewer’s role lists, its first matches and how many there are (each read as its list reads it, in scope)',
  })
  async globalSearch(@Args() { text, first }: GlobalSearchArgs, @Ctx() ctx: GqlContext): Promise<GlobalSearchResult> {
    const found = await ctx.services.search.search(requireScope(ctx), text, first);
    const l = loadersOf(ctx);
    const hits = async <T>(kind: GlobalSearchKind, loader: Parameters<typeof load<T>>[0]) => {
      const k = found[kind];
      return k ? { totalCount: k.totalCount, nodes: await load<T>(loader, k.ids) } : null;
    };
    const [hospitals, distributors, orders, visitNotes, people] = await Promise.all([
      hits('hospitals', l.hospitalById),
      hits('distributors', l.distributorById),
      hits('orders', l.orderById),
      hits('visitNotes', l.visitNoteById),
      hits('people', l.userById),
    ]);
    return { hospitals, distributors, orders, visitNotes, people };
  }
}
