import { Role } from '@medchannel/shared-schema';

// The API's lines per operation, so the pages offer only what the server will do. Every brand role
// in the training area reads courses and the dashboards within their regions.

const has = (roles: readonly string[]) => (role: string) => roles.includes(role);

/** Write and publish courses, archive them, upload material files, mark products as needing a certificate. */
export const editsCourses = has([Role.ADMIN, Role.TRAINER]);
/** Assign a published course to distributors' people. */
export const assignsCourses = has([Role.ADMIN, Role.TRAINER, Role.REGIONAL_HEAD]);
