import type { QueryRunner } from 'typeorm';

/** A summary kept by deltas: a count `n` and a sum `amount` per key, over the rows of another table. */
export interface DeltaSummary {
  /** the summary's table: its function is `<summary>_keep()`, its triggers `<summary>_insert`, `_update`, `_delete` */
  summary: string;
  /** the table of the rows summed */
  table: string;
  /** the summary's key columns, its unique key's in that order */
  keys: string[];
  /** a row's keys and its `amount`, selected from `rows` (a transition table, or the table itself) */
  share: (rows: string) => string;
}

/** The rows of `rows` counted into the summary: each its keys, n = `sign` and its amount times `sign`. */
const signed = (s: DeltaSummary, rows: string, sign: 1 | -1) =>
  `SELECT ${s.keys.join(', ')}, ${sign} AS n, ${sign} * amount AS amount FROM (${s.share(rows)}) r`;

/**
 * The upsert that adds a delta's rows (a SELECT of the keys, n and amount) to the summary, grouped
 * and in key order; a key whose delta nets to nothing is not touched. It adds to each row it
 * touches, so two transactions writing one key queue on its row until the first commits and lose
 * nothing, and they never wait on each other in a circle.
 */
function addDelta(s: DeltaSummary, delta: string): string {
  const keys = s.keys.join(', ');
  const grouped = s.keys.map((k) => `d.${k}`).join(', ');
  return `
  INSERT INTO ${s.summary} AS s (${keys}, n, amount)
  SELECT ${grouped}, SUM(d.n), SUM(d.amount)
    FROM (${delta}) d
   GROUP BY ${grouped}
  HAVING SUM(d.n) <> 0 OR SUM(d.amount) <> 0
   ORDER BY ${grouped}
  ON CONFLICT (${keys})
  DO UPDATE SET n = s.n + EXCLUDED.n, amount = s.amount + EXCLUDED.amount`;
}

/**
 * The statement triggers that keep a summary equal to the rows it sums in the writing transaction,
 * whoever writes: each INSERT's rows added, each DELETE's subtracted and, for an UPDATE, the old
 * rows subtracted and the new added (docs/architecture.md, "Facts are appended, and reversed").
 */
export async function createDeltaTriggers(q: QueryRunner, s: DeltaSummary): Promise<void> {
  await q.query(`CREATE FUNCTION ${s.summary}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${addDelta(s, signed(s, 'added', 1))};
        ELSIF TG_OP = 'UPDATE' THEN ${addDelta(s, `${signed(s, 'added', 1)} UNION ALL ${signed(s, 'removed', -1)}`)};
        ELSE ${addDelta(s, signed(s, 'removed', -1))};
        END IF;
        RETURN NULL;
      END $$`);
  await q.query(`CREATE TRIGGER ${s.summary}_insert AFTER INSERT ON ${s.table}
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${s.summary}_keep()`);
  await q.query(`CREATE TRIGGER ${s.summary}_update AFTER UPDATE ON ${s.table}
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${s.summary}_keep()`);
  await q.query(`CREATE TRIGGER ${s.summary}_delete AFTER DELETE ON ${s.table}
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${s.summary}_keep()`);
}

/** The summary filled from the rows already there (the triggers' lock on the table holds writers off until commit). */
export async function backfillDeltaSummary(q: QueryRunner, s: DeltaSummary): Promise<void> {
  const keys = s.keys.join(', ');
  await q.query(`INSERT INTO ${s.summary} (${keys}, n, amount)
    SELECT ${keys}, count(*), SUM(amount) FROM (${s.share(s.table)}) r GROUP BY ${keys}`);
}

export async function dropDeltaTriggers(q: QueryRunner, s: Pick<DeltaSummary, 'summary' | 'table'>): Promise<void> {
  for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${s.summary}_${t} ON ${s.table}`);
  await q.query(`DROP FUNCTION ${s.summary}_keep()`);
}
