import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The price a sell-out (流向) was sold at, when the distributor reports it: exact, with its currency
 * (both or neither), so a sale below the product's floor price during an exit can be flagged.
 */
export class SelloutPrice1772200000000 implements MigrationInterface {
  name = 'SelloutPrice1772200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movement ADD COLUMN unit_price numeric(18,2), ADD COLUMN currency char(3)`);
    await q.query(`ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_unit_price
      CHECK ((unit_price IS NULL) = (currency IS NULL) AND (unit_price IS NULL OR (unit_price >= 0 AND kind = 'SOLD_OUT')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_unit_price`);
    await q.query(`ALTER TABLE stock_movement DROP COLUMN currency, DROP COLUMN unit_price`);
  }
}
