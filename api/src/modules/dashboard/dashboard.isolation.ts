import { rolesFor } from '@medchannel/shared-schema';
import { OperationCase } from '../../../test/isolation/types';

/** The brand dashboard: in the viewer's scope (the matrix checks no foreign id or name appears). */
export const DASHBOARD_OPERATIONS: Record<string, OperationCase> = {
  brandDashboard: {
    allowed: rolesFor('console.insights'),
    own: () => ({
      query: `{ brandDashboard { coverage { regionId name parentId target buying } sellIn { month orders amounts { amount currency } }
        sellOut { month from to rows units } staff readiness { productLineId name certified } } }`,
    }),
  },
  ownerDashboard: {
    allowed: rolesFor('portal.insights'),
    own: () => ({ query: `{ ownerDashboard { staff openCommitments readiness { productLineId name certified } } }` }),
  },
};
