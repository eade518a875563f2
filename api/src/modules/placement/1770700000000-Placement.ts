import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Placed equipment (设备投放) and the yearly stocktake (盘点).
 *
 * `placement`: an instrument (product, serial) a distributor placed at a hospital department under a
 * reagent-volume commitment (quantity of a product line per month or year, from a day to a day).
 * One open placement per serial across the brand (partial unique index). Its history is
 * `placement_event`, appended and never changed (relocations, replacements, the return).
 *
 * `stocktake_campaign`: the brand's yearly stocktake. Opening it snapshots every placed instrument
 * into `stocktake_item` (with its distributor and place at that moment); the distributor's people
 * confirm each item and count their stock by batch (`stocktake_count`, with the stock derived from
 * movements at the count). Once the campaign is CLOSED, a trigger refuses any change to its items
 * and counts (and to the campaign row), so its results stay as they were.
 */
export class Placement1770700000000 implements MigrationInterface {
  name = 'Placement1770700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE placement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      product_id uuid NOT NULL REFERENCES product(id),
      serial_no varchar(64) NOT NULL CHECK (serial_no <> '' AND serial_no = upper(btrim(serial_no))),
      source varchar(8) NOT NULL CHECK (source IN ('STOCK', 'TRIAL')),
      trial_id uuid REFERENCES trial(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid NOT NULL REFERENCES hospital_department(id),
      reagent_line_id uuid NOT NULL REFERENCES product_line(id),
      commitment_quantity integer NOT NULL CHECK (commitment_quantity > 0),
      commitment_period varchar(8) NOT NULL CHECK (commitment_period IN ('MONTH', 'YEAR')),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'PLACED' CHECK (status IN ('PLACED', 'RETURNED')),
      returned_on date,
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on >= starts_on),
      CHECK ((source = 'TRIAL') = (trial_id IS NOT NULL)),
      CHECK ((status = 'RETURNED') = (returned_on IS NOT NULL)))`);
    await q.query(
      `CREATE UNIQUE INDEX placement_open_serial ON placement (brand_id, serial_no) WHERE status = 'PLACED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX placement_request_key ON placement (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX placement_recent ON placement (brand_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX placement_of_distributor ON placement (distributor_id, status)`);

    await q.query(`CREATE TABLE placement_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      placement_id uuid NOT NULL REFERENCES placement(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('PLACED', 'RELOCATED', 'REPLACED', 'RETURNED')),
      occurred_on date NOT NULL,
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid NOT NULL REFERENCES hospital_department(id),
      serial_no varchar(64) NOT NULL,
      note varchar(500),
      actor_id uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE INDEX placement_event_of ON placement_event (placement_id, occurred_on, created_at)`);
    await q.query(
      `CREATE TRIGGER placement_event_append_only BEFORE UPDATE OR DELETE ON placement_event FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER placement_event_no_truncate BEFORE TRUNCATE ON placement_event FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );

    await q.query(`CREATE TABLE stocktake_campaign (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      due_on date NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
      closed_at timestamptz,
      closed_by uuid REFERENCES app_user(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX stocktake_campaign_year ON stocktake_campaign (brand_id, year)`);
    await q.query(
      `CREATE UNIQUE INDEX stocktake_campaign_request_key ON stocktake_campaign (created_by, request_key) WHERE request_key IS NOT NULL`,
    );

    await q.query(`CREATE TABLE stocktake_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      campaign_id uuid NOT NULL REFERENCES stocktake_campaign(id),
      placement_id uuid NOT NULL REFERENCES placement(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      serial_no varchar(64) NOT NULL,
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid NOT NULL REFERENCES hospital_department(id),
      finding varchar(16) CHECK (finding IN ('FOUND', 'WRONG_PLACE', 'NOT_FOUND')),
      condition varchar(16) CHECK (condition IN ('GOOD', 'NEEDS_REPAIR', 'DAMAGED')),
      found_at varchar(200),
      meter_reading integer CHECK (meter_reading >= 0),
      note varchar(500),
      photo_key varchar(300),
      photo_name varchar(200),
      photo_mime varchar(80),
      photo_size integer,
      photo_sha256 char(64),
      confirmed_by uuid REFERENCES app_user(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, placement_id),
      CHECK ((finding IS NULL) = (confirmed_at IS NULL)),
      CHECK ((finding = 'NOT_FOUND') = (condition IS NULL) OR finding IS NULL))`);
    await q.query(`CREATE INDEX stocktake_item_of ON stocktake_item (campaign_id, distributor_id)`);

    await q.query(`CREATE TABLE stocktake_count (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      campaign_id uuid NOT NULL REFERENCES stocktake_campaign(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      product_id uuid NOT NULL REFERENCES product(id),
      batch_no varchar(64) NOT NULL,
      counted integer NOT NULL CHECK (counted >= 0),
      derived integer NOT NULL,
      counted_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (campaign_id, distributor_id, product_id, batch_no))`);

    // a closed campaign keeps its results: its row, items and counts refuse every change
    await q.query(`CREATE FUNCTION stocktake_refuse_closed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE cid uuid;
      BEGIN
        IF TG_TABLE_NAME = 'stocktake_campaign' THEN
          IF OLD.status = 'CLOSED' THEN RAISE EXCEPTION 'stocktake % is closed', OLD.id USING ERRCODE = 'P0001'; END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        cid := CASE WHEN TG_OP = 'INSERT' THEN NEW.campaign_id ELSE OLD.campaign_id END;
        IF EXISTS (SELECT 1 FROM stocktake_campaign WHERE id = cid AND status = 'CLOSED') THEN
          RAISE EXCEPTION 'stocktake % is closed', cid USING ERRCODE = 'P0001';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    for (const table of ['stocktake_campaign', 'stocktake_item', 'stocktake_count'])
      await q.query(
        `CREATE TRIGGER ${table}_closed BEFORE ${table === 'stocktake_campaign' ? 'UPDATE OR DELETE' : 'INSERT OR UPDATE OR DELETE'} ON ${table} FOR EACH ROW EXECUTE FUNCTION stocktake_refuse_closed()`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stocktake_count`);
    await q.query(`DROP TABLE stocktake_item`);
    await q.query(`DROP TABLE stocktake_campaign`);
    await q.query(`DROP FUNCTION stocktake_refuse_closed()`);
    await q.query(`DROP TABLE placement_event`);
    await q.query(`DROP TABLE placement`);
  }
}
