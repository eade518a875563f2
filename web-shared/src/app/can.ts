import { can, type Capability } from '@medchannel/shared-schema';
import { useCurrentUser } from './session';

/** Whether the signed-in user's role has a capability (shared-schema's capabilities.ts); the API enforces the same. */
export function useCan(cap: Capability): boolean {
  return can(useCurrentUser().role, cap);
}
