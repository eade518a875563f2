import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open receivables, kept. `receivable_open_item` holds, per distributor, every
 * receivable FIFO has not fully settled yet and what is still open of it: exactly what
 * `receivables.ts` used to compute from the whole ledger on every request (seconds for a
 * brand-wide aging at scale: BENCHMARKS.md, "Figures behind code decisions"). The collection plan and the account summary read only these rows; aging
 * reads `receivable_open_day`, the same summed per distributor, day arisen and day due (its
 * buckets depend on today's date, so days are as far as it can be summed ahead).
 *
 * The database keeps it, not a service: a statement-level trigger on ledger_entry recomputes the
 * touched distributors' rows inside the inserting transaction, so every writer (the ledger
 * service, seeds, test fixtures, an ERP import) keeps it right and a rollback takes it back. The
 * recomputation takes the account's lock (`account:<distributor>`, the one invoices and payments
 * take) and then reads the committed entries afresh: two transactions writing one account
 * recompute one after the other and the later one sees the earlier one's entries.
 * The FIFO is the one receivables.ts documents: entries reversed and their reversals drop out;
 * everything paid or credited settles the receivables in (due_on, occurred_on, id) order.
 */
export class ReceivableOpenItems1765300000000 implements MigrationInterface {
  name = 'ReceivableOpenItems1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE receivable_open_item (
      entry_id uuid PRIMARY KEY REFERENCES ledger_entry(id),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      occurred_on date NOT NULL,
      due_on date NOT NULL,
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      outstanding numeric(18,2) NOT NULL CHECK (outstanding > 0 AND outstanding <= amount))`);
    await q.query(
      `CREATE INDEX receivable_open_item_distributor ON receivable_open_item (distributor_id, due_on, occurred_on, entry_id)`,
    );
    // the same summed per day (arisen, due): what aging buckets, a few rows per distributor and day
    await q.query(`CREATE TABLE receivable_open_day (
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      occurred_on date NOT NULL,
      due_on date NOT NULL,
      outstanding numeric(18,2) NOT NULL CHECK (outstanding > 0),
      PRIMARY KEY (distributor_id, occurred_on, due_on))`);
    await q.query(`CREATE FUNCTION receivable_open_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM receivable_open_day WHERE distributor_id = ANY(ids);
        DELETE FROM receivable_open_item WHERE distributor_id = ANY(ids);
        INSERT INTO receivable_open_item (entry_id, brand_id, distributor_id, occurred_on, due_on, amount, outstanding)
        WITH live AS (
          SELECT e.id, e.brand_id, e.distributor_id, e.occurred_on, COALESCE(e.due_on, e.occurred_on) AS due_on, e.amount
            FROM ledger_entry e
           WHERE e.distributor_id = ANY(ids) AND e.reverses_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
        ), credits AS (
          SELECT brand_id, distributor_id, -SUM(amount) AS settled FROM live WHERE amount < 0 GROUP BY brand_id, distributor_id
        ), items AS (
          SELECT l.*, SUM(l.amount) OVER (PARTITION BY l.brand_id, l.distributor_id ORDER BY l.due_on, l.occurred_on, l.id) AS cum
            FROM live l WHERE l.amount > 0
        )
        SELECT i.id, i.brand_id, i.distributor_id, i.occurred_on, i.due_on, i.amount, LEAST(i.amount, i.cum - COALESCE(c.settled, 0))
          FROM items i LEFT JOIN credits c ON c.brand_id = i.brand_id AND c.distributor_id = i.distributor_id
         WHERE i.cum - COALESCE(c.settled, 0) > 0;
        INSERT INTO receivable_open_day (brand_id, distributor_id, occurred_on, due_on, outstanding)
        SELECT brand_id, distributor_id, occurred_on, due_on, SUM(outstanding) FROM receivable_open_item
         WHERE distributor_id = ANY(ids) GROUP BY brand_id, distributor_id, occurred_on, due_on;
      END $$`);
    await q.query(`CREATE FUNCTION receivable_open_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE d uuid;
      BEGIN
        -- one account at a time, in a fixed order, under the lock its writers take
        FOR d IN SELECT DISTINCT distributor_id FROM added ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtext('account:' || d::text));
          PERFORM receivable_open_refresh(ARRAY[d]);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_open_items AFTER INSERT ON ledger_entry REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION receivable_open_after_insert()`);
    // the entries already there (the bench's kept 2 M, a dev database)
    await q.query(`SELECT receivable_open_refresh(ARRAY(SELECT id FROM distributor))`);
    await q.query(`ANALYZE receivable_open_item, receivable_open_day`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_entry_open_items ON ledger_entry`);
    await q.query(`DROP FUNCTION receivable_open_after_insert()`);
    await q.query(`DROP FUNCTION receivable_open_refresh(uuid[])`);
    await q.query(`DROP TABLE receivable_open_day`);
    await q.query(`DROP TABLE receivable_open_item`);
  }
}
