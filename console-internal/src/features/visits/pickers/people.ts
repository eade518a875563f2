import { useQuery } from '@apollo/client/react';
import { can, Role, Side } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { VisitPeopleDocument, type VisitPeopleQuery } from '../../../gql/graphql';

export type Person = VisitPeopleQuery['users']['nodes'][number];

/**
 * The people one may name on a plan or a note: brand colleagues (everyone but the viewer) and the
 * chosen distributor's owner and reps. Without the right to list people (engineers) both are empty
 * and `denied` says so.
 */
export function useVisitPeople(distributorId: string | undefined) {
  const user = useCurrentUser();
  const allowed = can(user.role, 'user.list');
  const brand = useQuery(VisitPeopleDocument, { variables: { filter: { side: Side.BRAND } }, skip: !allowed });
  const partner = useQuery(VisitPeopleDocument, {
    variables: { filter: { side: Side.PARTNER, distributorId } },
    skip: !allowed || !distributorId,
  });
  const colleagues = (brand.data?.users.nodes ?? []).filter((p) => p.id !== user.id);
  const me = (brand.data?.users.nodes ?? []).find((p) => p.id === user.id);
  // The heads over the viewer: regional heads whose regions cover one of theirs (a province covers its cities).
  const mine = new Set((me?.regions ?? []).flatMap((r) => [r.id, r.parentId].filter(Boolean)));
  const heads = can(user.role, 'commitment.resolve')
    ? []
    : colleagues.filter((p) => p.role === Role.REGIONAL_HEAD && p.regions.some((r) => mine.has(r.id)));
  return {
    denied: !allowed,
    loading: brand.loading || partner.loading,
    colleagues,
    partners: distributorId ? (partner.data?.users.nodes ?? []) : [],
    heads,
  };
}
