import { can, type Capability } from './capabilities.js';

/** What the home page's to-do list may hold (the API's homeTodos answers these kinds, in this order). */
export enum HomeTodoKind {
  ORDERS_AWAITING_APPROVAL = 'ORDERS_AWAITING_APPROVAL',
  STATEMENT_DISPUTES = 'STATEMENT_DISPUTES',
  DISPUTED_COMMITMENTS = 'DISPUTED_COMMITMENTS',
  STATEMENT_TO_CONFIRM = 'STATEMENT_TO_CONFIRM',
  COMMITMENTS_TO_ACKNOWLEDGE = 'COMMITMENTS_TO_ACKNOWLEDGE',
  CO_VISITS_AWAITING_ME = 'CO_VISITS_AWAITING_ME',
  COURSES_DUE = 'COURSES_DUE',
  DOCUMENTS_EXPIRING = 'DOCUMENTS_EXPIRING',
}

/**
 * Who does each kind of work, in the order a home page lists it: the API answers a to-do only to
 * these roles, and a front end shows no to-do card to a role none of them is for.
 */
export const HOME_TODO_CAPABILITY: Record<HomeTodoKind, Capability> = {
  [HomeTodoKind.ORDERS_AWAITING_APPROVAL]: 'order.approve',
  [HomeTodoKind.STATEMENT_DISPUTES]: 'statement.listDisputes',
  [HomeTodoKind.DISPUTED_COMMITMENTS]: 'commitment.resolve',
  [HomeTodoKind.STATEMENT_TO_CONFIRM]: 'statement.answer',
  [HomeTodoKind.COMMITMENTS_TO_ACKNOWLEDGE]: 'commitment.answer',
  [HomeTodoKind.CO_VISITS_AWAITING_ME]: 'coVisit.plan',
  [HomeTodoKind.COURSES_DUE]: 'training.take',
  [HomeTodoKind.DOCUMENTS_EXPIRING]: 'company.manage',
};

/** Does anything on the home page's to-do list concern this role? */
export function hasHomeTodos(role: string): boolean {
  return Object.values(HOME_TODO_CAPABILITY).some((cap) => can(role, cap));
}
