import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly sell-out upload (流向): each uploaded file with its parsed rows and hospital matches
 * (PREVIEWED), committed once (COMMITTED: a file of the same content for the same distributor, month
 * and kind is committed at most once, the partial unique index), and what reconciliation found.
 */
export class Sellout1770600000000 implements MigrationInterface {
  name = 'Sellout1770600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sellout_upload (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        distributor_id uuid NOT NULL REFERENCES distributor(id),
        created_by uuid NOT NULL REFERENCES app_user(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('SELL_OUT', 'STOCK')),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        file_name varchar(200),
        content_hash char(64) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PREVIEWED', 'COMMITTED')),
        total_rows integer NOT NULL,
        rows jsonb NOT NULL,
        errors jsonb NOT NULL,
        committed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX sellout_upload_once ON sellout_upload (brand_id, distributor_id, month, kind, content_hash) WHERE status = 'COMMITTED'`,
    );
    await q.query(`CREATE INDEX sellout_upload_distributor ON sellout_upload (distributor_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE sellout_finding (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brand(id),
        distributor_id uuid NOT NULL REFERENCES distributor(id),
        upload_id uuid NOT NULL REFERENCES sellout_upload(id),
        kind varchar(24) NOT NULL CHECK (kind IN ('CROSS_TERRITORY', 'STOCK_DIFFERENCE')),
        month char(7) NOT NULL,
        row_no integer,
        product_id uuid NOT NULL REFERENCES product(id),
        batch_no varchar(64) NOT NULL,
        hospital_id uuid REFERENCES hospital(id),
        occurred_on date,
        quantity integer,
        reported integer,
        derived integer,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sellout_finding_list ON sellout_finding (brand_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sellout_finding_distributor ON sellout_finding (distributor_id, created_at DESC)`);
    await q.query(`CREATE INDEX sellout_finding_upload ON sellout_finding (upload_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sellout_finding`);
    await q.query(`DROP TABLE sellout_upload`);
  }
}
