import { Authorized } from 'type-graphql';
import { rolesForAny, type Capability } from '@medchannel/shared-schema';

/** @Authorized for the roles that have the capability (or any of several) in shared-schema's capabilities.ts. */
export function Can(...caps: Capability[]): MethodDecorator & PropertyDecorator & ClassDecorator {
  // No capability would read as "any logged-in user": never what a caller meant.
  if (caps.length === 0) throw new Error('@Can needs a capability');
  return Authorized(rolesForAny(caps));
}
