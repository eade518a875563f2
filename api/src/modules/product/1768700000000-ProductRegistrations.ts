import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A product's registration certificates (注册证) as history: each certificate it was registered
 * under, appended to `product_registration` and never changed. The product's own columns stay the
 * current certificate (the latest renewal); a trigger appends a row whenever they are set, so the
 * seed, tests writing SQL, the bench and the screens leave the same history. Orders and the
 * compliance check read the certificate current on their date from here (`currentRegistrationSql`).
 */
export class ProductRegistrations1768700000000 implements MigrationInterface {
  name = 'ProductRegistrations1768700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE product_registration (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      product_id uuid NOT NULL REFERENCES product(id),
      registration_no varchar(80) NOT NULL,
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT product_registration_validity CHECK (valid_to >= valid_from))`);
    await q.query(`CREATE INDEX product_registration_product ON product_registration (product_id, valid_from)`);
    // the certificates products carry today: their first known one
    await q.query(`INSERT INTO product_registration (brand_id, product_id, registration_no, valid_from, valid_to, created_at)
      SELECT brand_id, id, registration_no, registration_valid_from, registration_valid_to, created_at FROM product`);
    await q.query(`CREATE FUNCTION product_registration_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR (NEW.registration_no, NEW.registration_valid_from, NEW.registration_valid_to)
             IS DISTINCT FROM (OLD.registration_no, OLD.registration_valid_from, OLD.registration_valid_to) THEN
          INSERT INTO product_registration (brand_id, product_id, registration_no, valid_from, valid_to)
          VALUES (NEW.brand_id, NEW.id, NEW.registration_no, NEW.registration_valid_from, NEW.registration_valid_to);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER product_registration_history
      AFTER INSERT OR UPDATE OF registration_no, registration_valid_from, registration_valid_to ON product
      FOR EACH ROW EXECUTE FUNCTION product_registration_fact()`);
    await q.query(
      `CREATE TRIGGER product_registration_append_only BEFORE UPDATE OR DELETE ON product_registration FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER product_registration_no_truncate BEFORE TRUNCATE ON product_registration FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER product_registration_history ON product`);
    await q.query(`DROP FUNCTION product_registration_fact()`);
    await q.query(`DROP TABLE product_registration`);
  }
}
