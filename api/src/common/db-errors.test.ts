import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../test/harness';
import { encodeCursor } from './pagination';
import { formatError } from './errors';

let t: TestApp;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@huakang.demo');
});
afterAll(() => t?.stop());

test.each([
  ['a text where a uuid goes', ['某经销商', 'not-a-uuid']],
  ['a NUL in a text key', ['a\u0000', '00000000-0000-0000-0000-000000000000']],
])('a keyset cursor with %s is BAD_USER_INPUT on after, not INTERNAL', async (_what, values) => {
  const r = await admin.request(`query($a: String) { distributors(first: 5, after: $a) { totalCount } }`, {
    a: encodeCursor(values),
  });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0].extensions?.field).toBe('after');
});

test('a negative tier price is refused with its field and writes nothing', async () => {
  const [{ id: productId }] = await t.app.ds.query(
    `SELECT p.id FROM product p JOIN app_user u ON u.brand_id = p.brand_id WHERE u.email = 'admin@huakang.demo' LIMIT 1`,
  );
  const count = async () =>
    (await t.app.ds.query(`SELECT count(*)::int AS n FROM price_list_entry WHERE product_id = $1`, [productId]))[0].n;
  const before = await count();
  const r = await admin.request(`mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`, {
    i: { productId, tier: 1, price: '-1.00', effectiveFrom: '2099-01-01' },
  });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0].extensions?.field).toBe('price');
  expect(await count()).toBe(before);
});

test('a CHECK the database refuses is BAD_USER_INPUT naming the column, wherever it slips through', () => {
  const driver = Object.assign(new Error('new row for relation "price_list_entry" violates check constraint'), {
    code: '23514',
    table: 'price_list_entry',
    constraint: 'price_list_entry_unit_price_check',
  });
  const error = new GraphQLError('x', { originalError: new QueryFailedError('INSERT …', [], driver) });
  const out = formatError({ message: 'x' }, error, { development: false, log: () => undefined });
  expect(out.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'unitPrice' });
  expect(out.message).not.toMatch(/price_list_entry|INSERT/);
});
