import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields asked for under the field being resolved, by field name (aliases and fragments
 * folded; the same field asked twice is merged), so a resolver that builds its answer in one
 * statement reads only what the request shows. `@skip`/`@include` are not judged: a field they
 * leave out is read anyway, which costs a little and answers the same.
 */
export interface Selection {
  [field: string]: Selection;
}

export function selectionOf(info: GraphQLResolveInfo): Selection {
  const into: Selection = Object.create(null);
  for (const node of info.fieldNodes) if (node.selectionSet) fold(node.selectionSet, info, into);
  return into;
}

function fold(set: SelectionSetNode, info: GraphQLResolveInfo, into: Selection): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      const name = s.name.value;
      into[name] ??= Object.create(null);
      if (s.selectionSet) fold(s.selectionSet, info, into[name]);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      fold(s.selectionSet, info, into);
    } else {
      const fragment = info.fragments[s.name.value];
      if (fragment) fold(fragment.selectionSet, info, into);
    }
  }
}

/** Is any of these fields asked for (directly under `selection`)? */
export const asks = (selection: Selection | undefined, ...fields: string[]): boolean =>
  selection !== undefined && fields.some((f) => f in selection);
