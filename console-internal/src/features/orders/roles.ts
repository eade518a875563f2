import { Role } from '@medchannel/shared-schema';

/** Who works the order desk: the API's approve/ship/adjust/close lines. Other brand roles read. */
const ORDER_DESK_ROLES: readonly string[] = [Role.ADMIN, Role.ORDER_DESK];

export const worksOrderDesk = (role: string): boolean => ORDER_DESK_ROLES.includes(role);
