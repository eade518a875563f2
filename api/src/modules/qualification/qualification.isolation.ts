import { rolesFor } from '@medchannel/shared-schema';
import { today } from '../../common/dates';
import { foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

import { firstDistributor, tag, notFoundEach } from '../../../test/isolation/fixtures';

/** Qualifications: what expires soon, and adding one. */

export const QUALIFICATION_OPERATIONS: Record<string, OperationCase> = {
  expiringQualifications: {
    allowed: 'any',
    own: () => ({
      query: `{ expiringQualifications(withinDays: 60) { id type number validTo expiry { level daysLeft } distributor { id name } } }`,
    }),
  },
  addQualification: {
    allowed: rolesFor('qualification.upload'),
    own: ({ user }) => ({
      query: `mutation($i: AddQualificationInput!) { addQualification(input: $i) { id number expiry { level } } }`,
      variables: {
        i: {
          distributorId: firstDistributor(user).id,
          type: 'OTHER',
          number: `MX-${tag()}`,
          deviceClasses: [],
          validFrom: today(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: AddQualificationInput!) { addQualification(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, type: 'OTHER', number: 'x1', deviceClasses: [], validFrom: today() } },
      })),
    mutates: true,
  },
};
