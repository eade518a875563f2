import { Role } from '@medchannel/shared-schema';

// The API's lines per operation, so the pages offer only what the server will do. Everyone in
// the finance area reads receivables, invoices, payments and statements within their regions.

const has = (roles: readonly string[]) => (role: string) => roles.includes(role);

/** Issue invoices, record payments, generate statements, answer disputes, import from the ERP. */
export const keepsAccounts = has([Role.ADMIN, Role.FINANCE]);
/** The disputes queue: finance answers, the regional head watches his distributors'. */
export const seesDisputes = has([Role.ADMIN, Role.FINANCE, Role.REGIONAL_HEAD]);
/** The ERP exchange's settings and logs. */
export const seesErp = has([Role.ADMIN, Role.FINANCE]);
/** Where events go and resending them: the brand's admin. */
export const runsErp = has([Role.ADMIN]);
