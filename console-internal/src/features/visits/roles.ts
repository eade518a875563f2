import { Role } from '@medchannel/shared-schema';

// The API's lines per operation (api/src/modules/visit/*.resolver.ts), so the pages offer only what
// the server will do. Everyone in the area reads their own calendar and the notes they may read
// (a trainer is CC'd on notes); the field roles plan and write.

const has = (roles: readonly string[]) => (role: string) => roles.includes(role);

/** proposeCoVisit, writeVisitNote, ccVisitNote (the API's VISITORS) */
export const plansVisits = has([Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ENGINEER]);
/** teamCoVisits, disputedCommitments, resolveCommitment (the API's HEADS) */
export const leadsTeam = has([Role.ADMIN, Role.REGIONAL_HEAD]);
/** The `users` query, to name people on a plan or a note */
export const listsPeople = has([Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER, Role.ENGINEER]);
