import { randomUUID } from 'node:crypto';
import { Audience, ComplianceReason, ErrorCode, ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import {
  MOVE,
  ORDER,
  admin,
  brand,
  cat,
  deskEmail,
  distributorId,
  draft,
  owner,
  place,
  placed,
  t,
  userClient,
  withOrderWorld,
} from './order.test-kit';

/** Placing orders as a test brand's distributor: compliance per line, the review, idempotent retries and the credit limit under parallel placements. */
withOrderWorld();

describe('placing', () => {
  test('a rep placing tells the distributor’s owner and the order desk that sees the order, in the same transaction', async () => {
    const [r] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      distributorId,
    ]);
    const rep = await userClient(r.email, Audience.PORTAL);
    const res = await place(rep);
    expect(res.errors).toEqual([]);
    const told = await t.app.ds.query(
      `SELECT u.email, n.params FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.entity_id = $1 AND n.kind = 'ORDER_PLACED'`,
      [res.data.placeOrder.id],
    );
    expect(told.map((x: { email: string }) => x.email).sort()).toEqual([brand.ownerEmail, deskEmail].sort());
    expect(told[0].params).toEqual({ number: res.data.placeOrder.number });
  });

  test('prices come from the tier price list (else the list price), and the server computes the total', async () => {
    const order = await placed();
    expect(order.status).toBe(OrderStatus.SUBMITTED);
    expect(order.number).toMatch(/^SO\d{16}$/);
    const r = await owner.request(ORDER, { id: order.id });
    const lines = r.data.order.lines;
    expect(lines.map((l: { unitPrice: { amount: string } }) => l.unitPrice.amount)).toEqual(['80.00', '100.00']);
    expect(r.data.order.total.amount).toBe('1000.00');
    expect(r.data.order.events).toEqual([{ action: 'PLACE', fromStatus: null, toStatus: 'SUBMITTED', reason: null }]);
  });

  test('a line the distributor may not sell is refused with every failing line and reason; nothing is written', async () => {
    const before = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE distributor_id = $1`, [
      distributorId,
    ]);
    const r = await place(owner, {
      lines: [
        { productId: cat.productII, quantity: 1 },
        { productId: cat.productExpired, quantity: 1 },
      ],
    });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(r)).toBe(ErrorReason.NOT_COMPLIANT);
    expect((r.errors[0].extensions as { lines: unknown }).lines).toEqual([
      { lineNo: 2, productId: cat.productExpired, reasons: [ComplianceReason.REGISTRATION_EXPIRED] },
    ]);
    // a hospital outside the distributor's territory is one it cannot see at all
    expect(codeOf(await place(owner, { hospitalId: cat.hospitalInProvince }))).toBe(ErrorCode.NOT_FOUND);
    const after = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE distributor_id = $1`, [
      distributorId,
    ]);
    expect(after[0].n).toBe(before[0].n);
  });

  test('every failing line is named with every reason', async () => {
    const d = brand.distributorIds[4];
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d, [cat.productII], [cat.cityId], addDays(today(), -1), addDays(today(), 30)],
    );
    await t.app.ds.query(
      `UPDATE qualification SET valid_to = $2 WHERE distributor_id = $1 AND type = 'OPERATING_LICENSE_III'`,
      [d, addDays(today(), -1)],
    );
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '100000.00' WHERE id = $1`, [d]);
    const [{ email }] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      d,
    ]);
    const rep = await userClient(email, Audience.PORTAL);
    const r = await place(rep, {
      lines: [
        { productId: cat.productII, quantity: 1 },
        { productId: cat.productIII, quantity: 1 },
        { productId: cat.productExpired, quantity: 1 },
      ],
    });
    expect(reasonOf(r)).toBe(ErrorReason.NOT_COMPLIANT);
    const lines = (r.errors[0].extensions as { lines: Array<{ lineNo: number; reasons: string[] }> }).lines;
    expect(lines.map((l) => [l.lineNo, [...l.reasons].sort()])).toEqual([
      [1, [ComplianceReason.QUALIFICATION_EXPIRED]],
      [2, [ComplianceReason.NO_AUTHORIZATION, ComplianceReason.QUALIFICATION_EXPIRED]],
      [
        3,
        [
          ComplianceReason.NO_AUTHORIZATION,
          ComplianceReason.QUALIFICATION_EXPIRED,
          ComplianceReason.REGISTRATION_EXPIRED,
        ],
      ],
    ]);
    expect(r.errors[0].message).toMatch(/Line 1 .*\| Line 2 .*\| Line 3 /);
  });

  test('bad drafts answer coded errors: duplicate products, no hospital, a stock order with one, zero quantity', async () => {
    const dup = await place(owner, {
      lines: [
        { productId: cat.productII, quantity: 1 },
        { productId: cat.productII, quantity: 2 },
      ],
    });
    expect([codeOf(dup), dup.errors[0].extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'lines.1.productId']);
    expect(codeOf(await place(owner, { hospitalId: null }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await place(owner, { kind: 'STOCK' }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await place(owner, { lines: [{ productId: cat.productII, quantity: 0 }] }))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(codeOf(await place(owner, { lines: [{ productId: randomUUID(), quantity: 1 }] }))).toBe(ErrorCode.NOT_FOUND);
  });

  test('a stock order needs only an authorization for the product somewhere', async () => {
    const order = await placed({ kind: 'STOCK', hospitalId: null, lines: [{ productId: cat.productII, quantity: 3 }] });
    expect(order.status).toBe(OrderStatus.SUBMITTED);
  });

  test('the review shows prices, findings and credit before placing, and writes nothing', async () => {
    const r = await owner.request(
      `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed withinCredit total { amount } credit { limit { amount } available { amount } }
        lines { lineNo unitPrice { amount } amount { amount } findings { reason } } } }`,
      {
        i: draft({
          lines: [
            { productId: cat.productII, quantity: 2 },
            { productId: cat.productExpired, quantity: 1 },
          ],
        }),
      },
    );
    expect(r.errors).toEqual([]);
    expect(r.data.reviewOrder.allowed).toBe(false);
    expect(r.data.reviewOrder.lines[0]).toEqual({
      lineNo: 1,
      unitPrice: { amount: '80.00' },
      amount: { amount: '160.00' },
      findings: [],
    });
    expect(r.data.reviewOrder.lines[1].findings).toEqual([{ reason: ComplianceReason.REGISTRATION_EXPIRED }]);
    expect(r.data.reviewOrder.total.amount).toBe('260.00');
    expect(r.data.reviewOrder.credit.limit.amount).toBe('1000000.00');
  });
});

describe('idempotency', () => {
  test('a retry with the same key returns the first order; parallel retries create one order', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => place(owner, {}, key)));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.placeOrder.id));
    expect(ids.size).toBe(1);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE idempotency_key = $1`, [
      key,
    ]);
    expect(n).toBe(1);
    const again = await place(owner, {}, key);
    expect(again.data.placeOrder.id).toBe([...ids][0]);
  });

  test('the same key with a different order is a CONFLICT and changes nothing', async () => {
    const key = randomUUID();
    await place(owner, {}, key);
    const other = await place(owner, { lines: [{ productId: cat.productII, quantity: 11 }] }, key);
    expect([codeOf(other), reasonOf(other)]).toEqual([ErrorCode.CONFLICT, ErrorReason.IDEMPOTENCY_KEY_REUSED]);
    expect((other.errors[0].extensions as { order: { number: string } }).order.number).toMatch(/^SO/);
  });
});

describe('credit limit', () => {
  test('20 parallel orders against a limit that fits 5: exactly 5 are accepted', async () => {
    const d = brand.distributorIds[2];
    // an order of 10 × 100.00 = 1000.00; the limit fits five of them
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '5000.00' WHERE id = $1`, [d]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d, [cat.lineId], [cat.cityId], addDays(today(), -1), addDays(today(), 30)],
    );
    const [{ email }] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      d,
    ]);
    const rep = await userClient(email, Audience.PORTAL);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => place(rep, { lines: [{ productId: cat.productIII, quantity: 10 }] })),
    );
    const accepted = results.filter((r) => !r.errors.length);
    expect(accepted).toHaveLength(5);
    const refused = results.filter((r) => reasonOf(r) === ErrorReason.CREDIT_LIMIT_EXCEEDED);
    expect(refused).toHaveLength(15);
    // a rep is told it does not fit, not the account's figures
    expect(refused.some((r) => 'credit' in (r.errors[0].extensions ?? {}) || /5000/.test(r.errors[0].message))).toBe(
      false,
    );
    const credit = await admin.request(
      `query($d: ID) { creditStatus(distributorId: $d) { openOrders { amount } available { amount } } }`,
      { d },
    );
    expect(credit.data.creditStatus).toEqual({ openOrders: { amount: '5000.00' }, available: { amount: '0.00' } });
    // cancelling one frees its credit for the next order
    const first = accepted[0].data.placeOrder;
    const cancel = await rep.request(MOVE('cancelOrder'), { id: first.id, v: first.version });
    expect(cancel.errors).toEqual([]);
    expect((await place(rep, { lines: [{ productId: cat.productIII, quantity: 10 }] })).errors).toEqual([]);
  });
});
