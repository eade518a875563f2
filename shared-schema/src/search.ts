import type { Capability } from './capabilities.js';

/** The console's global search: the least text it looks for, and the most. */
export const GLOBAL_SEARCH_MIN_LENGTH = 2;
export const GLOBAL_SEARCH_MAX_LENGTH = 100;

/** The kinds of record the global search answers, in the order its dropdown lists them. */
export type GlobalSearchKind = 'hospitals' | 'distributors' | 'orders' | 'visitNotes' | 'people';

/**
 * Who finds each kind: the roles whose console lists it (the kind's list screen). For any other
 * role the kind is absent from the answer (null), never an error.
 */
export const GLOBAL_SEARCH_CAPABILITY: Record<GlobalSearchKind, Capability> = {
  hospitals: 'console.hospitals',
  distributors: 'console.distributors',
  orders: 'console.orders',
  visitNotes: 'console.visits',
  people: 'console.people',
};
