import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id uuid NOT NULL REFERENCES brand(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/** The channel lifecycle: products and price lists, hospitals, distributor profile and lifecycle, qualifications, authorizations. */
export class ChannelLifecycle1764300000000 implements MigrationInterface {
  name = 'ChannelLifecycle1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE product_line (${BASE},
      code varchar(32) NOT NULL, name varchar(100) NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX product_line_brand_code ON product_line (brand_id, code)`);
    await q.query(`CREATE TABLE product (${BASE},
      product_line_id uuid NOT NULL REFERENCES product_line(id),
      code varchar(40) NOT NULL,
      name varchar(200) NOT NULL,
      kind varchar(16) NOT NULL CHECK (kind IN ('EQUIPMENT', 'CONSUMABLE')),
      device_class varchar(4) NOT NULL CHECK (device_class IN ('I', 'II', 'III')),
      registration_no varchar(80) NOT NULL,
      registration_valid_from date NOT NULL,
      registration_valid_to date NOT NULL,
      udi_di varchar(80),
      list_price numeric(18,2) NOT NULL CHECK (list_price >= 0),
      currency char(3) NOT NULL DEFAULT 'CNY',
      version integer NOT NULL DEFAULT 1,
      CHECK (registration_valid_to >= registration_valid_from))`);
    await q.query(`CREATE UNIQUE INDEX product_brand_code ON product (brand_id, code)`);
    await q.query(`CREATE INDEX product_brand_name ON product (brand_id, name, id)`);
    await q.query(`CREATE INDEX product_by_line ON product (product_line_id)`);
    await q.query(`CREATE TABLE price_list_entry (${BASE},
      product_id uuid NOT NULL REFERENCES product(id),
      tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 9),
      price numeric(18,2) NOT NULL CHECK (price >= 0),
      currency char(3) NOT NULL DEFAULT 'CNY',
      effective_from date NOT NULL,
      effective_to date,
      CHECK (effective_to IS NULL OR effective_to >= effective_from))`);
    await q.query(`CREATE INDEX price_list_product_tier ON price_list_entry (product_id, tier, effective_from)`);

    await q.query(`CREATE TABLE hospital (${BASE},
      name varchar(200) NOT NULL,
      grade varchar(16) NOT NULL,
      beds integer CHECK (beds >= 0),
      region_id uuid NOT NULL REFERENCES region(id),
      address varchar(300),
      version integer NOT NULL DEFAULT 1)`);
    await q.query(`CREATE UNIQUE INDEX hospital_brand_name ON hospital (brand_id, name)`);
    await q.query(`CREATE INDEX hospital_brand_region ON hospital (brand_id, region_id)`);
    await q.query(`CREATE TABLE hospital_department (${BASE},
      hospital_id uuid NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,
      name varchar(100) NOT NULL,
      yearly_volume integer CHECK (yearly_volume >= 0),
      volume_kind varchar(16) CHECK (volume_kind IN ('SURGERY', 'TEST')))`);
    await q.query(`CREATE INDEX hospital_department_hospital ON hospital_department (hospital_id)`);
    await q.query(`CREATE TABLE hospital_contact (${BASE},
      hospital_id uuid NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,
      department_id uuid REFERENCES hospital_department(id),
      name varchar(100) NOT NULL,
      title varchar(100),
      decision_role varchar(24) NOT NULL,
      phone varchar(40))`);
    await q.query(`CREATE INDEX hospital_contact_hospital ON hospital_contact (hospital_id)`);

    await q.query(`ALTER TABLE distributor
      ADD COLUMN credit_code varchar(18),
      ADD COLUMN registered_capital numeric(18,2),
      ADD COLUMN address varchar(300),
      ADD COLUMN contact_name varchar(100),
      ADD COLUMN contact_phone varchar(40),
      ADD COLUMN classifications varchar(32)[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE distributor_stage_change (${BASE},
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      from_stage varchar(24) NOT NULL,
      to_stage varchar(24) NOT NULL,
      reason varchar(500) NOT NULL,
      actor_id uuid NOT NULL REFERENCES app_user(id))`);
    await q.query(
      `CREATE INDEX distributor_stage_change_distributor ON distributor_stage_change (distributor_id, created_at)`,
    );

    await q.query(`CREATE TABLE qualification (${BASE},
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      type varchar(32) NOT NULL CHECK (type IN ('BUSINESS_LICENSE', 'OPERATING_LICENSE_III', 'FILING_CERTIFICATE_II', 'OTHER')),
      number varchar(80) NOT NULL,
      device_classes varchar(4)[] NOT NULL DEFAULT '{}',
      valid_from date NOT NULL,
      valid_to date,
      CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
    await q.query(`CREATE INDEX qualification_distributor ON qualification (distributor_id, valid_to)`);

    await q.query(`CREATE TABLE authorization_grant (${BASE},
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('TEMPORARY', 'FORMAL')),
      exclusive boolean NOT NULL DEFAULT false,
      product_line_ids uuid[] NOT NULL DEFAULT '{}',
      product_ids uuid[] NOT NULL DEFAULT '{}',
      region_ids uuid[] NOT NULL DEFAULT '{}',
      hospital_ids uuid[] NOT NULL DEFAULT '{}',
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      revoked_from date,
      revoke_reason varchar(500),
      version integer NOT NULL DEFAULT 1,
      CHECK (valid_to >= valid_from),
      CHECK (cardinality(product_line_ids) + cardinality(product_ids) > 0),
      CHECK (cardinality(region_ids) + cardinality(hospital_ids) > 0))`);
    await q.query(`CREATE INDEX authorization_distributor ON authorization_grant (distributor_id, valid_to)`);
    await q.query(`CREATE INDEX authorization_brand_period ON authorization_grant (brand_id, valid_from, valid_to)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'authorization_grant',
      'qualification',
      'distributor_stage_change',
      'hospital_contact',
      'hospital_department',
      'hospital',
      'price_list_entry',
      'product',
      'product_line',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE distributor DROP COLUMN credit_code, DROP COLUMN registered_capital, DROP COLUMN address,
      DROP COLUMN contact_name, DROP COLUMN contact_phone, DROP COLUMN classifications`);
  }
}
