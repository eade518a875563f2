/** Which side of the brand–distributor boundary a user sits on. */
export enum Side {
  BRAND = 'BRAND',
  PARTNER = 'PARTNER',
}

/** The two front ends. A brand user belongs to the console, a partner user to the portal. */
export enum Audience {
  CONSOLE = 'CONSOLE',
  PORTAL = 'PORTAL',
}

/** Header a front end sends so the API knows which audience (and which session cookie) a request is for. */
export const AUDIENCE_HEADER = 'x-medchannel-app';

export enum Role {
  // brand side
  ADMIN = 'ADMIN',
  REGIONAL_HEAD = 'REGIONAL_HEAD',
  CHANNEL_MANAGER = 'CHANNEL_MANAGER',
  ORDER_DESK = 'ORDER_DESK',
  FINANCE = 'FINANCE',
  TRAINER = 'TRAINER',
  ENGINEER = 'ENGINEER',
  // partner side
  OWNER = 'OWNER',
  REP = 'REP',
}

export const BRAND_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.REGIONAL_HEAD,
  Role.CHANNEL_MANAGER,
  Role.ORDER_DESK,
  Role.FINANCE,
  Role.TRAINER,
  Role.ENGINEER,
];

export const PARTNER_ROLES: readonly Role[] = [Role.OWNER, Role.REP];

export function sideOfRole(role: Role): Side {
  return PARTNER_ROLES.includes(role) ? Side.PARTNER : Side.BRAND;
}

export function audienceOfSide(side: Side): Audience {
  return side === Side.BRAND ? Audience.CONSOLE : Audience.PORTAL;
}
