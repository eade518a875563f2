import { rolesFor } from '@medchannel/shared-schema';
import { foreignDistributors, foreignUsers } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

const ENTRY = `id side action entity entityId createdAt actor { id displayName side role } distributor { id name code } changes { field from to }`;

/** The audit trail: whoever may read it reads only their scope's, whichever distributor, person or record they name. */
export const AUDIT_OPERATIONS: Record<string, OperationCase> = {
  auditLog: {
    allowed: rolesFor('audit.read'),
    own: () => ({
      query: `{ auditLog(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTRY} } } }`,
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `query($f: AuditFilter) { auditLog(first: 100, filter: $f) { totalCount nodes { ${ENTRY} } } }`,
        variables: { f: { distributorId: d.id } },
        expect: 'LISTED' as const,
      })),
      ...foreignDistributors(user).map((d) => ({
        query: `query($f: AuditFilter) { auditLog(first: 100, filter: $f) { totalCount nodes { ${ENTRY} } } }`,
        variables: { f: { entity: 'distributor', entityId: d.id } },
        expect: 'LISTED' as const,
      })),
      ...foreignUsers(user).map((u) => ({
        query: `query($f: AuditFilter) { auditLog(first: 100, filter: $f) { totalCount nodes { ${ENTRY} } } }`,
        variables: { f: { actorId: u.id } },
        expect: 'LISTED' as const,
      })),
    ],
  },
};
