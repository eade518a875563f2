import { REFERENCE_TABLES } from '../src/db/distribution';
import { testConnection } from './locks';
import { distributionBreaches } from './distribution';
import { KNOWN_BREACHES } from './distribution-exceptions';

/**
 * The distribution plan (docs/scaling.md), checked on the migrated schema: every table not declared
 * a reference table carries brand_id, and every unique key and foreign key of a distributed table
 * includes it. What broke the rule when it was written is listed, by name, in
 * distribution-exceptions.ts; anything new fails here.
 */
test('no table, unique key or foreign key breaks the distribution rule beyond the listed ones', async () => {
  const c = await testConnection();
  try {
    const breaches = await distributionBreaches(c);
    const fresh = breaches.filter((b) => !KNOWN_BREACHES.has(b));
    const fixed = [...KNOWN_BREACHES].filter((b) => !breaches.includes(b));
    // a new breach: add brand_id (see docs/scaling.md), or declare a reference table in src/db/distribution.ts
    expect(fresh).toEqual([]);
    // fixed: take it off the list
    expect(fixed).toEqual([]);
    const { rows } = await c.query(`SELECT relname FROM pg_class WHERE relname = ANY($1) AND relkind = 'r'`, [
      Object.keys(REFERENCE_TABLES),
    ]);
    expect(rows.map((r) => r.relname).sort()).toEqual(Object.keys(REFERENCE_TABLES).sort());
  } finally {
    await c.end();
  }
});

test('a new table that breaks the rule is caught; one that keeps it is not', async () => {
  const c = await testConnection();
  try {
    await c.query('BEGIN');
    await c.query(`CREATE TABLE probe_no_tenant (id uuid PRIMARY KEY, name text)`);
    await c.query(`CREATE TABLE probe_keyed_by_id (
      id uuid PRIMARY KEY, brand_id uuid NOT NULL REFERENCES brand(id), code text,
      distributor_id uuid REFERENCES distributor(id), UNIQUE (code))`);
    await c.query(
      `CREATE TABLE probe_parent (brand_id uuid NOT NULL REFERENCES brand(id), id uuid, PRIMARY KEY (brand_id, id))`,
    );
    await c.query(`CREATE TABLE probe_child (
      brand_id uuid NOT NULL REFERENCES brand(id), id uuid, parent_id uuid, code text,
      PRIMARY KEY (brand_id, id), UNIQUE (brand_id, code),
      FOREIGN KEY (brand_id, parent_id) REFERENCES probe_parent (brand_id, id))`);
    const probes = (await distributionBreaches(c)).filter((b) => b.includes(':probe_'));
    expect(probes).toEqual([
      'foreign-key:probe_keyed_by_id:probe_keyed_by_id_distributor_id_fkey',
      'no-brand-id:probe_no_tenant',
      'unique:probe_keyed_by_id:probe_keyed_by_id_code_key',
      'unique:probe_keyed_by_id:probe_keyed_by_id_pkey',
      'unique:probe_no_tenant:probe_no_tenant_pkey',
    ]);
    // declared a reference table, the tenant-less one passes (a reference table may have any keys)
    const declared = await distributionBreaches(c, { ...REFERENCE_TABLES, probe_no_tenant: 'a probe' });
    expect(declared.filter((b) => b.includes(':probe_no_tenant'))).toEqual([]);
  } finally {
    await c.query('ROLLBACK').catch(() => {});
    await c.end();
  }
});
