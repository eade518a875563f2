import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public certificate check finds a certificate by its number alone (it names no brand), so
 * the number gets an index of its own; (brand_id, number) stays the uniqueness rule.
 */
export class CertificateNumberIndex1769200000000 implements MigrationInterface {
  name = 'CertificateNumberIndex1769200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX certificate_number ON certificate (number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX certificate_number`);
  }
}
