import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stated month is closed. Once a distributor's month has a statement in force that is ISSUED or
 * CONFIRMED, nothing is dated into it or any month before it any more (an earlier entry would move
 * that statement's opening balance): an entry dated there is posted on the first day of the open
 * period, the month after the last closed one, and keeps the date it happened on as `value_on`
 * (a payment received on the 28th of a stated month counts in the next one; the bank's date stays
 * on the entry and the payment). So an issued or confirmed statement always equals the ledger.
 * A DISPUTED month is open until it is stated again: its adjustments land in it, and the next
 * version is issued from the ledger as it then stands.
 *
 * The rule lives here, in the one place every entry passes: a BEFORE INSERT trigger, so seeds,
 * imports and hand-written SQL obey it too. The ledger service asks the same function first, so
 * the entry it returns carries the date it was posted on.
 */
export class ClosedPeriods1766410000002 implements MigrationInterface {
  name = 'ClosedPeriods1766410000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_entry ADD COLUMN value_on date`);
    await q.query(
      `CREATE INDEX statement_closed ON statement (distributor_id, period DESC) WHERE status IN ('ISSUED', 'CONFIRMED')`,
    );
    await q.query(`
      CREATE FUNCTION ledger_posting_date(p_distributor uuid, p_on date) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT GREATEST(p_on, COALESCE((
          SELECT (max(s.period) || '-01')::date + interval '1 month'
            FROM statement s WHERE s.distributor_id = p_distributor AND s.status IN ('ISSUED', 'CONFIRMED')
        )::date, p_on))
      $$`);
    await q.query(`
      CREATE FUNCTION ledger_entry_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        posted date := ledger_posting_date(NEW.distributor_id, NEW.occurred_on);
      BEGIN
        IF posted > NEW.occurred_on THEN
          NEW.value_on := COALESCE(NEW.value_on, NEW.occurred_on);
          NEW.occurred_on := posted;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER ledger_entry_open_period BEFORE INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_entry_open_period()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ledger_entry_open_period ON ledger_entry`);
    await q.query(`DROP FUNCTION ledger_entry_open_period()`);
    await q.query(`DROP FUNCTION ledger_posting_date(uuid, date)`);
    await q.query(`DROP INDEX statement_closed`);
    await q.query(`ALTER TABLE ledger_entry DROP COLUMN value_on`);
  }
}
