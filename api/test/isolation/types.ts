import { DataSource } from 'typeorm';
import { Role } from '@medchannel/shared-schema';
import { SeedUser } from '../../src/db/seed/demo-data';
import { GqlClient } from '../harness';
import { PersonaKey } from '../personas';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** How a foreign call must answer (default: NOT_FOUND). LISTED: answers, but lists nothing foreign. */
  expect?: 'NOT_FOUND' | 'BAD_USER_INPUT' | 'LISTED';
}

export interface CaseInput {
  user: SeedUser;
  key: PersonaKey;
  /** The persona's logged-in client (don't log it out). */
  client: GqlClient;
  /** A fresh client of the persona's audience, for login/logout. */
  fresh: () => GqlClient;
  ds: DataSource;
}

export interface OperationCase {
  /** Who may call it: roles, 'any' logged-in user, or 'anyone' including anonymous callers. */
  allowed: readonly Role[] | 'any' | 'anyone';
  /** A call on the persona's own records: succeeds when allowed, FORBIDDEN otherwise. */
  own: (p: CaseInput) => Promise<Call> | Call;
  /** Runs the call on another client than the persona's (login/logout). */
  ownClient?: (p: CaseInput) => GqlClient;
  /** Calls aimed at records the persona must not see: each answers NOT_FOUND or with nothing foreign. */
  foreign?: (p: CaseInput) => Promise<Call[]> | Call[];
  /** A successful own call changes data, so it must leave an audit row. */
  mutates?: boolean;
}
