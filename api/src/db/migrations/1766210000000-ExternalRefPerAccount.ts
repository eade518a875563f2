import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An external reference (the bank's or the ERP's) keeps a replayed payment or invoice from counting
 * twice. It was unique across the brand, so recording a reference already used on an account the
 * viewer may not see answered "already recorded" where any fresh reference succeeds: an oracle for
 * another region's payments. A replay is always on the same account, so the reference is unique per
 * distributor's account instead (and a first reference is then recorded alike, whoever used it elsewhere).
 */
export class ExternalRefPerAccount1766210000000 implements MigrationInterface {
  name = 'ExternalRefPerAccount1766210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payment_external_ref`);
    await q.query(`CREATE UNIQUE INDEX payment_external_ref ON payment (distributor_id, external_ref)`);
    await q.query(`DROP INDEX invoice_external_ref`);
    await q.query(
      `CREATE UNIQUE INDEX invoice_external_ref ON invoice (distributor_id, external_ref) WHERE external_ref IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX invoice_external_ref`);
    await q.query(
      `CREATE UNIQUE INDEX invoice_external_ref ON invoice (brand_id, external_ref) WHERE external_ref IS NOT NULL`,
    );
    await q.query(`DROP INDEX payment_external_ref`);
    await q.query(`CREATE UNIQUE INDEX payment_external_ref ON payment (brand_id, external_ref)`);
  }
}
