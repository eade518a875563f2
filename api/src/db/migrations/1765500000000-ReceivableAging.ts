import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aging, kept per day. `receivable_open_day` still made a brand-wide aging read every open day of
 * every distributor on each request (BENCHMARKS.md, "Figures behind code decisions"). Ages move
 * with the calendar, so no trigger can keep the buckets right by itself; they
 * are kept per (distributor, day) instead, filled by the reads (receivables.ts, `agingRows`):
 *
 * - `receivable_open_state.version` counts each distributor's recomputations of its open items:
 *   the ledger trigger adds one each time, under the account's lock, in the writing transaction
 *   (the bench generator, which loads with triggers off, sets it once).
 * - `receivable_aging` holds a distributor's buckets as of a day, with the version they were
 *   summed from. A read uses a row only when its day is the day asked and its version is the
 *   current one; otherwise it sums the distributor afresh from `receivable_open_day` and stores
 *   it — in the same statement, so the version and the sums come from one snapshot. A stored row
 *   replaces another only for a newer version, so a read that raced a ledger write can never
 *   leave the older sums in place of newer ones (and a stale row is never used: its version no
 *   longer matches).
 *
 * So the first aging of a day costs what it did before, and every later one reads a row per distributor.
 */
export class ReceivableAging1765500000000 implements MigrationInterface {
  name = 'ReceivableAging1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE receivable_open_state (
      distributor_id uuid PRIMARY KEY REFERENCES distributor(id),
      version bigint NOT NULL)`);
    await q.query(
      `INSERT INTO receivable_open_state (distributor_id, version) SELECT DISTINCT distributor_id, 1 FROM ledger_entry`,
    );
    await q.query(`CREATE TABLE receivable_aging (
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      as_of date NOT NULL,
      version bigint NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      b0 numeric(18,2) NOT NULL,
      b1 numeric(18,2) NOT NULL,
      b2 numeric(18,2) NOT NULL,
      b3 numeric(18,2) NOT NULL,
      total numeric(18,2) NOT NULL,
      overdue numeric(18,2) NOT NULL,
      PRIMARY KEY (distributor_id, as_of))`);
    // the trigger of migration ReceivableOpenItems, and one more version per account it recomputed
    await q.query(
      afterInsert(`PERFORM receivable_open_refresh(ARRAY[d]);
          INSERT INTO receivable_open_state (distributor_id, version) VALUES (d, 1)
              ON CONFLICT (distributor_id) DO UPDATE SET version = receivable_open_state.version + 1;`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE receivable_aging`);
    await q.query(`DROP TABLE receivable_open_state`);
    await q.query(afterInsert(`PERFORM receivable_open_refresh(ARRAY[d]);`));
  }
}

const afterInsert = (
  perAccount: string,
) => `CREATE OR REPLACE FUNCTION receivable_open_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE d uuid;
      BEGIN
        -- one account at a time, in a fixed order, under the lock its writers take
        FOR d IN SELECT DISTINCT distributor_id FROM added ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtext('account:' || d::text));
          ${perAccount}
        END LOOP;
        RETURN NULL;
      END $$`;
