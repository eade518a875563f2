/** A job run's state, as pg-boss keeps it (schema `pgboss`), upper-cased for the GraphQL enum. */
export enum JobState {
  CREATED = 'CREATED',
  RETRY = 'RETRY',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
