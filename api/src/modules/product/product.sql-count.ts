import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const RENEW = `mutation($id: ID!, $i: RenewRegistrationInput!) { renewProductRegistration(id: $id, input: $i) { id version registrations { registrationNo } } }`;

/** The products list, over a page of products with their price tiers, prices on a day and certificates. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat }) => {
    for (let i = 0; i < 30; i++) {
      const [p] = await ds.query(
        `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
         VALUES ($1, $2, $3, $4, 'CONSUMABLE', 'I', 'R', CURRENT_DATE - 1, CURRENT_DATE + 300, '10.00') RETURNING id`,
        [brand.brandId, cat.lineId, `SQLP${i}`, `SQL产品 ${String(i).padStart(2, '0')}`],
      );
      await ds.query(
        `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '8.00', CURRENT_DATE - 1), ($1, $2, 2, '9.00', CURRENT_DATE - 1)`,
        [brand.brandId, p.id],
      );
    }
  },
  lists: [
    {
      name: 'products',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { products(first: $n) { totalCount nodes { id name productLine { name } listPrice { amount } priceList { tier price { amount } } } } }`,
    },
    {
      name: 'products with their certificates and the prices on a day',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { products(first: $n) { totalCount nodes { id name registrations { registrationNo validTo } pricesOn(on: "2030-01-01") { tier price { amount } } } } }`,
    },
  ],
  tests: {
    'a renewal costs the same however many certificates came before': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const [p] = await t.app.ds.query(
        `SELECT id, version, registration_valid_from::text AS "from", registration_valid_to::text AS "to" FROM product WHERE brand_id = $1 AND code = 'SQLP0'`,
        [brand.brandId],
      );
      const renew = (n: number, version: number) =>
        client.request(RENEW, {
          id: p.id,
          i: {
            registrationNo: `R${n}`,
            validFrom: `2031-01-0${n}`,
            validTo: `2036-01-0${n}`,
            expectedVersion: version,
          },
        });
      let last = await renew(1, p.version);
      const first = last.sqlCount;
      for (let n = 2; n <= 5; n++) last = await renew(n, last.data.renewProductRegistration.version);
      expect(last.data.renewProductRegistration.registrations).toHaveLength(6);
      expect(last.sqlCount).toBe(first);
    },
  },
};
