import { today } from '../../common/dates';
import { foreignDistributors, foreignProducts } from '../../../test/personas';
import { CaseInput, OperationCase } from '../../../test/isolation/types';

import { firstDistributor, hospitalFor, productOf, notFoundEach } from '../../../test/isolation/fixtures';

/** The compliance check. */

export const COMPLIANCE_OPERATIONS: Record<string, OperationCase> = {
  complianceCheck: {
    allowed: 'any',
    own: ({ user }: CaseInput) => ({
      query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed findings { reason message } } }`,
      variables: { d: firstDistributor(user).id, p: productOf(user).id, h: hospitalFor(user).id, on: today() },
    }),
    foreign: ({ user }) => [
      ...notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed } }`,
        variables: { d: d.id, p: productOf(user).id, h: hospitalFor(user).id, on: today() },
      })),
      ...notFoundEach(foreignProducts(user), (p) => ({
        query: `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed } }`,
        variables: { d: firstDistributor(user).id, p: p.id, h: hospitalFor(user).id, on: today() },
      })),
    ],
  },
};
