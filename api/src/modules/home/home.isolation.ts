import { OperationCase } from '../../../test/isolation/types';

/** The home pages' to-dos: every viewer's own, counted in their scope (the matrix checks nothing foreign is named). */
export const HOME_OPERATIONS: Record<string, OperationCase> = {
  homeTodos: {
    allowed: 'any',
    own: () => ({
      query: `{ homeTodos { kind count records { id period version startsAt documentType validTo expiry { level daysLeft } } } }`,
    }),
  },
};
