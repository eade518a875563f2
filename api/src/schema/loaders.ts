import type { Scope } from '../auth/scope';
import { modules } from '../modules';
import type { AllLoaders } from '../modules/module';
import type { Services } from './services';
import type { GqlContext } from '../context';

/** Every module's per-request loaders, fully typed. */
export type Loaders = AllLoaders<ReturnType<typeof modules>>;

/** Created per request inside the viewer's scope, so a cache never crosses viewers. */
export function createLoaders(services: Services, scope: Scope): Loaders {
  const loaders: Record<string, unknown> = {};
  for (const module of modules()) if (module.loaders) Object.assign(loaders, module.loaders(services as never, scope));
  return loaders as Loaders;
}

/** Gives the request a viewer mid-way (after login), so the answer's nested fields resolve in scope. */
export function adoptScope(ctx: GqlContext, scope: Scope): void {
  ctx.scope = scope;
  ctx.authFailure = null;
  ctx.loaders = createLoaders(ctx.services, scope);
}
