/**
 * How the schema spreads over a distributed PostgreSQL (Citus): every table is distributed by its
 * tenant key `brand_id` (co-located, so a brand's rows live on one node and joins stay local),
 * except the reference tables below, copied whole to every node. docs/scaling.md explains it;
 * api/test/distribution.test.ts holds the schema to it. A new table that has no brand_id belongs
 * here, with its reason, or it fails that test.
 */
export const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  brand: 'the tenants themselves: few rows, read by every brand-scoped join',
  person:
    'a login identity (e-mail, password hash) shared by the memberships (app_user) one person holds in several brands',
  schema_migration: "TypeORM's record of the migrations run: one per database, the coordinator's",
  failure_throttle:
    'failed sign-ins and public checks counted per source and account before any brand is known (auth/rate-limiter.ts): small, short-lived, shared by every node',
};
