import type { RequestHandler } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Scope } from '../auth/scope';
import type { SessionService } from '../auth/session.service';
import type { FileStorage } from '../common/storage';
import type { ReadReplica } from '../db/replica';
import type { SeedCalendar } from '../db/seed/seed-clock';

/** What every module's services factory is given, besides the services of the modules it depends on. */
export interface ModuleCore {
  ds: DataSource;
  config: Config;
  /** The one file store (qualifications, course files, visit attachments). */
  storage: FileStorage;
}

/** The services outside any module (the session and its scope); every module may use them. */
export interface CoreServices {
  sessions: SessionService;
  /** The most rows a spreadsheet export holds (config MAX_EXPORT_ROWS; common/export-query.ts). */
  maxExportRows: number;
  /** Where the reports read (db/replica.ts): `replica.read(() => …)` around a dashboard's, an export's or the aging's read; never around a mutation or a read that must see one. */
  replica: ReadReplica;
}

/**
 * What a module brings to the app. `modules/index.ts` lists the manifests in dependency order;
 * services, loaders, the schema's resolvers, the REST routes and the demo seed only fold that list.
 *
 * - `entities`, `migrations`: folded into the DataSource (db/data-source.ts).
 * - `services(core, deps)`: one instance of each service per app; `deps` holds the services of the
 *   modules listed before this one (declare the ones used in the parameter's type).
 * - `loaders(services, scope)`: the per-request DataLoaders, created inside the viewer's scope.
 * - `resolvers`: the type-graphql resolver classes.
 * - `routes(services)`: plain-HTTP routes, mounted under /files.
 * - `seed(em, cal)`: the module's demo data, run in list order after the core seed.
 */
/** A class (an entity, a resolver, a migration): what TypeORM and type-graphql are handed. */
export type ClassType = abstract new (...args: never[]) => unknown;

export interface ModuleManifest<S extends object, D extends object, L extends object> {
  /** The module's folder name (its test tables are found by it). */
  name: string;
  /** Its TypeORM entities (a function: read once every module has loaded, whatever the import order). */
  entities?: () => readonly ClassType[];
  /** Migrations the module carries in its own folder (TypeORM runs every migration in timestamp order). */
  migrations?: () => readonly ClassType[];
  services: (core: ModuleCore, deps: D & CoreServices) => S;
  loaders?: (services: S & D & CoreServices, scope: Scope) => L;
  /** Its type-graphql resolver classes (a function, like entities). */
  resolvers?: () => readonly ClassType[];
  routes?: (services: S & D & CoreServices) => RequestHandler;
  seed?: (em: EntityManager, cal: SeedCalendar) => Promise<void>;
}

/** Keeps a manifest's own types (its services and loaders) for the folds in schema/. */
export function defineModule<S extends object, D extends object = object, L extends object = object>(
  manifest: ModuleManifest<S, D, L>,
): ModuleManifest<S, D, L> {
  return manifest;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyManifest = ModuleManifest<any, any, any>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The services a module builds. */
type ServicesOf<M> = M extends ModuleManifest<infer S, infer _D, infer _L> ? S : never;
/** The per-request loaders a module builds ({} when it has none). */
type LoadersOf<M> = M extends { loaders?: (...args: never[]) => infer L } ? (L extends object ? L : object) : never;

/** Every module's services in one object type (what `ctx.services` is). */
export type AllServices<Ms extends readonly AnyManifest[]> = UnionToIntersection<ServicesOf<Ms[number]>>;
/** Every module's loaders in one object type (what `ctx.loaders` is). */
export type AllLoaders<Ms extends readonly AnyManifest[]> = UnionToIntersection<LoadersOf<Ms[number]>>;

/**
 * A manifest's list of classes (resolvers, entities), refusing one that is not there yet (a class
 * an import cycle had not defined when the list was read) instead of leaving it out silently.
 */
export function classesOf(
  module: { name: string },
  kind: string,
  listed: (() => readonly ClassType[]) | undefined,
): ClassType[] {
  const list = listed?.();
  const missing = (list ?? []).findIndex((item) => typeof item !== 'function');
  if (missing >= 0)
    throw new Error(
      `module ${module.name}: ${kind}[${missing}] is not loaded yet (an import cycle reaches it before the module's index.ts)`,
    );
  return [...(list ?? [])];
}
