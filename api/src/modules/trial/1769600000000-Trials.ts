import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trials (试用): an instrument, by its serial number, lent to an opportunity's hospital department
 * from one day to another, with a protocol, a signed agreement (a file in the file storage) and, on
 * its return, a result. One open trial (PLANNED, DELIVERED or EXTENDED) per serial across the
 * brand: the service says so first (SERIAL_ON_TRIAL), the partial unique index keeps it under races.
 * Every change is an event appended to `trial_event` (never changed), with who and when.
 */
export class Trials1769600000000 implements MigrationInterface {
  name = 'Trials1769600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE trial (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      product_id uuid NOT NULL REFERENCES product(id),
      serial_number varchar(64) NOT NULL CHECK (serial_number <> '' AND serial_number = upper(btrim(serial_number))),
      planned_from date NOT NULL,
      planned_to date NOT NULL,
      protocol varchar(2000) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'PLANNED'
        CHECK (status IN ('PLANNED', 'DELIVERED', 'EXTENDED', 'RETURNED', 'CANCELLED')),
      delivered_on date,
      returned_on date,
      outcome varchar(16) CHECK (outcome IN ('POSITIVE', 'NEGATIVE', 'INCONCLUSIVE')),
      result varchar(2000),
      cancel_reason varchar(500),
      agreement_key varchar(300),
      agreement_name varchar(200),
      agreement_mime varchar(80),
      agreement_size integer,
      agreement_sha256 char(64),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (planned_to >= planned_from),
      CHECK ((status = 'RETURNED') = (outcome IS NOT NULL AND result IS NOT NULL AND returned_on IS NOT NULL)),
      CHECK ((status IN ('DELIVERED', 'EXTENDED', 'RETURNED')) = (delivered_on IS NOT NULL) OR status = 'CANCELLED'))`);
    await q.query(
      `CREATE UNIQUE INDEX trial_open_serial ON trial (brand_id, serial_number) WHERE status IN ('PLANNED', 'DELIVERED', 'EXTENDED')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX trial_request_key ON trial (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX trial_of_opportunity ON trial (opportunity_id, created_at DESC)`);
    await q.query(`CREATE INDEX trial_recent ON trial (brand_id, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE trial_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      trial_id uuid NOT NULL REFERENCES trial(id),
      kind varchar(16) NOT NULL
        CHECK (kind IN ('PLANNED', 'DELIVERED', 'EXTENDED', 'RETURNED', 'CANCELLED', 'AGREEMENT')),
      planned_to date,
      note varchar(2000),
      actor_id uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE INDEX trial_event_of ON trial_event (trial_id, created_at)`);
    await q.query(
      `CREATE TRIGGER trial_event_append_only BEFORE UPDATE OR DELETE ON trial_event FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER trial_event_no_truncate BEFORE TRUNCATE ON trial_event FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trial_event`);
    await q.query(`DROP TABLE trial`);
  }
}
