import type { Client } from 'pg';
import { REFERENCE_TABLES } from '../src/db/distribution';

/** One breach of the distribution rule, named `<kind>:<table>[:<constraint or index>]`. */
export type Breach = string;

/**
 * Reads the migrated schema from the catalog and answers where it breaks the Citus rule:
 * - a table neither a reference table nor carrying `brand_id` (`no-brand-id:<table>`);
 * - a primary key or unique index (constraint or not, partial or not) of a distributed table
 *   without `brand_id` among its columns (`unique:<table>:<index>`): Citus enforces uniqueness
 *   only within a shard;
 * - a foreign key between two distributed tables whose columns do not pair `brand_id` with
 *   `brand_id` (`foreign-key:<table>:<constraint>`): only then are both rows on one node;
 * - a foreign key from a reference table to a distributed one (`reference-to-distributed:…`).
 */
export async function distributionBreaches(c: Client, reference = REFERENCE_TABLES): Promise<Breach[]> {
  const { rows: tables } = await c.query<{ name: string; has_brand: boolean }>(
    `SELECT c.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'brand_id' AND NOT a.attisdropped) AS has_brand
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const isReference = (t: string) => Object.hasOwn(reference, t);
  const distributed = new Set(tables.filter((t) => !isReference(t.name)).map((t) => t.name));
  const breaches: Breach[] = tables
    .filter((t) => !isReference(t.name) && !t.has_brand)
    .map((t) => `no-brand-id:${t.name}`);

  const { rows: uniques } = await c.query<{ tbl: string; idx: string; cols: string[] }>(
    `SELECT t.relname AS tbl, x.relname AS idx,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k) AS cols
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class x ON x.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND i.indisunique`,
  );
  for (const u of uniques)
    if (distributed.has(u.tbl) && !u.cols.includes('brand_id')) breaches.push(`unique:${u.tbl}:${u.idx}`);

  const { rows: fks } = await c.query<{ tbl: string; ref: string; con: string; cols: string[]; refcols: string[] }>(
    `SELECT t.relname AS tbl, r.relname AS ref, k.conname AS con,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS cols,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS refcols
       FROM pg_constraint k
       JOIN pg_class t ON t.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND k.contype = 'f'`,
  );
  for (const f of fks) {
    if (isReference(f.tbl) && distributed.has(f.ref)) breaches.push(`reference-to-distributed:${f.tbl}:${f.con}`);
    else if (distributed.has(f.tbl) && distributed.has(f.ref)) {
      const at = f.cols.indexOf('brand_id');
      if (at < 0 || f.refcols[at] !== 'brand_id') breaches.push(`foreign-key:${f.tbl}:${f.con}`);
    }
  }
  return breaches.sort();
}
