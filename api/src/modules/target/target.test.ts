import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import {
  ACCEPT,
  AGREE,
  COUNTER,
  PROPOSE,
  SET_POTENTIAL,
  TARGETS,
  assumptions,
  kit,
  orderOf,
  proposal,
  startKit,
} from './target.test-kit';

/** Potential (exact arithmetic, versions kept), targets from it (propose, counter, agree, lock) and progress from sell-in. */
beforeAll(startKit);
afterAll(() => kit.t?.stop());

const count = async (sql: string, params: unknown[]) => Number((await kit.t.app.ds.query(sql, params))[0].n);

describe('potential', () => {
  test('is computed exactly from the assumptions, and an edit is a new version beside the old', async () => {
    const first = await kit.admin.request(SET_POTENTIAL, { i: assumptions() });
    expect(first.errors).toEqual([]);
    const p = first.data.setDepartmentPotential;
    // 98765 × 0.3333 × 12.34 = 406212.74133; 1234 ÷ 300 × 456789.01 ÷ 7 = 268417.9230…
    expect(p).toMatchObject({
      version: 1,
      consumables: { amount: '406212.74', currency: 'CNY' },
      equipment: { amount: '268417.92' },
      total: { amount: '674630.66' },
      department: { id: kit.departmentId, name: '检验科' },
    });
    const second = await kit.admin.request(SET_POTENTIAL, {
      i: assumptions({ usagePerProcedure: '0.5', note: '主任确认' }),
    });
    expect(second.errors).toEqual([]);
    expect(second.data.setDepartmentPotential).toMatchObject({
      version: 2,
      usagePerProcedure: '0.5000',
      consumables: { amount: '609380.05' },
      note: '主任确认',
    });
    expect(second.data.setDepartmentPotential.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    const current = await kit.admin.request(
      `query($h: ID!) { departmentPotentials(hospitalId: $h) { version consumables { amount } } }`,
      { h: kit.cat.hospitalInCity },
    );
    expect(current.data.departmentPotentials).toEqual([{ version: 2, consumables: { amount: '609380.05' } }]);
  });

  test('a retry with the same key saves once; the key with other assumptions is refused', async () => {
    const input = assumptions({ usagePerProcedure: '0.5' });
    const a = await kit.admin.request(SET_POTENTIAL, { i: input });
    const b = await kit.admin.request(SET_POTENTIAL, { i: input });
    expect(b.data.setDepartmentPotential.id).toBe(a.data.setDepartmentPotential.id);
    const c = await kit.admin.request(SET_POTENTIAL, { i: { ...input, beds: 1 } });
    expect(reasonOf(c)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  });

  test('rolls up over the hospitals the distributor’s authorizations cover, and per region', async () => {
    const rollup = `query($d: ID!) { distributorPotential(distributorId: $d) { hospitals consumables { amount } equipment { amount } total { amount } productLine { id } } }`;
    const mine = await kit.admin.request(rollup, { d: kit.brand.distributorIds[0] });
    expect(mine.data.distributorPotential).toEqual([
      {
        hospitals: 1,
        consumables: { amount: '609380.05' },
        equipment: { amount: '268417.92' },
        total: { amount: '877797.97' },
        productLine: { id: kit.cat.lineId },
      },
    ]);
    // D2 holds no authorization: nothing to roll up
    const none = await kit.admin.request(rollup, { d: kit.brand.distributorIds[2] });
    expect(none.data.distributorPotential).toEqual([]);
    const regions = await kit.admin.request(`{ regionPotentials { region { id } hospitals total { amount } } }`);
    expect(regions.data.regionPotentials).toEqual(
      expect.arrayContaining([
        { region: { id: kit.cat.cityId }, hospitals: 1, total: { amount: '877797.97' } },
        { region: { id: kit.cat.provinceId }, hospitals: 1, total: { amount: '877797.97' } },
      ]),
    );
    // another brand: the same answer as for a distributor that does not exist
    const foreign = await kit.otherAdmin.request(rollup, { d: kit.brand.distributorIds[0] });
    expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
    const foreignEdit = await kit.otherAdmin.request(SET_POTENTIAL, { i: assumptions() });
    expect(codeOf(foreignEdit)).toBe(ErrorCode.NOT_FOUND);
  });

  test('bad assumptions are refused with the field named, and nothing is written', async () => {
    const before = await count(`SELECT count(*) AS n FROM department_potential WHERE department_id = $1`, [
      kit.departmentId,
    ]);
    const r = await kit.admin.request(SET_POTENTIAL, { i: assumptions({ bedsPerEquipment: 0 }) });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    const u = await kit.admin.request(SET_POTENTIAL, { i: assumptions({ usagePerProcedure: '0.12345' }) });
    expect(codeOf(u)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(
      await count(`SELECT count(*) AS n FROM department_potential WHERE department_id = $1`, [kit.departmentId]),
    ).toBe(before);
  });
});

describe('targets', () => {
  let targetId: string;

  test('a proposal is the distributor’s potential × the share, split over the quarters', async () => {
    const r = await kit.admin.request(PROPOSE, { i: proposal() });
    expect(r.errors).toEqual([]);
    const target = r.data.proposeTarget;
    targetId = target.id;
    // 877797.97 × 0.25 = 219449.605 → 219449.49; quarters 54862.40 ×3 + 54862.41
    expect(target).toMatchObject({
      status: 'PROPOSED',
      version: 1,
      current: {
        number: 1,
        kind: 'PROPOSAL',
        share: '0.2500',
        potential: { amount: '877797.97' },
        yearly: { amount: '219449.49', currency: 'CNY' },
        quarters: [{ amount: '54862.37' }, { amount: '54862.37' }, { amount: '54862.37' }, { amount: '54862.38' }],
      },
    });
  });

  test('the owner counters with a reason: a new version, the proposal kept', async () => {
    const noReason = await kit.owner.request(COUNTER, {
      id: targetId,
      i: { expectedVersion: 1, quarters: ['1.00', '1.00', '1.00', '1.00'], reason: ' ', idempotencyKey: randomUUID() },
    });
    expect(codeOf(noReason)).toBe(ErrorCode.BAD_USER_INPUT);
    const r = await kit.owner.request(COUNTER, {
      id: targetId,
      i: {
        expectedVersion: 1,
        quarters: ['40000.00', '45000.00', '50000.00', '55000.50'],
        reason: '二季度医院招标延期',
        idempotencyKey: randomUUID(),
      },
    });
    expect(r.errors).toEqual([]);
    expect(r.data.counterTarget).toMatchObject({
      status: 'COUNTERED',
      version: 2,
      current: { number: 2, kind: 'COUNTER', reason: '二季度医院招标延期', yearly: { amount: '190000.50' } },
      versions: [{ number: 2 }, { number: 1, kind: 'PROPOSAL', yearly: { amount: '219449.49' } }],
    });
    // the owner cannot agree his own counter, nor accept it as if proposed
    const accept = await kit.owner.request(ACCEPT, { id: targetId, v: 2 });
    expect(reasonOf(accept)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  });

  test('the brand agrees to the counter: the target is locked', async () => {
    const stale = await kit.admin.request(AGREE, { id: targetId, v: 1 });
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
    const r = await kit.admin.request(AGREE, { id: targetId, v: 2 });
    expect(r.errors).toEqual([]);
    expect(r.data.agreeTarget).toMatchObject({
      status: 'AGREED',
      version: 3,
      current: { yearly: { amount: '190000.50' } },
    });
    expect(r.data.agreeTarget.agreedAt).toBeTruthy();
    const again = await kit.admin.request(PROPOSE, { i: proposal({ expectedVersion: 3 }) });
    expect(reasonOf(again)).toBe(ErrorReason.TARGET_LOCKED);
    const counter = await kit.owner.request(COUNTER, {
      id: targetId,
      i: {
        expectedVersion: 3,
        quarters: ['1.00', '1.00', '1.00', '1.00'],
        reason: '再议',
        idempotencyKey: randomUUID(),
      },
    });
    expect(reasonOf(counter)).toBe(ErrorReason.TARGET_LOCKED);
    expect(await count(`SELECT count(*) AS n FROM sales_target_version WHERE target_id = $1`, [targetId])).toBe(2);
  });

  test('an owner accepts a proposal as it stands; a retried proposal makes one version', async () => {
    const input = proposal({ year: 2031, share: '1' });
    const a = await kit.admin.request(PROPOSE, { i: input });
    const b = await kit.admin.request(PROPOSE, { i: input });
    expect(b.data.proposeTarget.id).toBe(a.data.proposeTarget.id);
    expect(b.data.proposeTarget.versions).toHaveLength(1);
    const r = await kit.owner.request(ACCEPT, { id: a.data.proposeTarget.id, v: 1 });
    expect(r.data.acceptTarget).toMatchObject({ status: 'AGREED', current: { yearly: { amount: '877797.97' } } });
  });

  test('progress is the sell-in of the line’s approved orders by China month, exactly', async () => {
    const [d0, , d2] = kit.brand.distributorIds;
    await orderOf(d0, 'APPROVED', '2030-01-31T16:30:00Z', 3, '100.10'); // 2030-02-01 00:30 in China
    await orderOf(d0, 'SHIPPED', '2030-02-15T02:00:00Z', 7, '33.33');
    await orderOf(d0, 'CLOSED', '2030-05-01T02:00:00Z', 1, '0.01');
    await orderOf(d0, 'SUBMITTED', '2030-03-01T02:00:00Z', 100, '100.00'); // not approved yet
    await orderOf(d0, 'CANCELLED', '2030-03-01T02:00:00Z', 100, '100.00');
    await orderOf(d0, 'APPROVED', '2029-12-31T15:59:00Z', 100, '100.00'); // 2029-12-31 23:59 in China
    await orderOf(d2, 'APPROVED', '2030-03-01T02:00:00Z', 100, '100.00'); // another company
    const adjusted = await orderOf(d0, 'APPROVED', '2030-05-20T02:00:00Z', 2, '50.00');
    const [admin] = await kit.t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [kit.brand.adminEmail]);
    await kit.t.app.ds.query(
      `INSERT INTO order_price_adjustment (brand_id, order_id, order_line_id, from_unit_price, to_unit_price, currency, reason, actor_id)
       SELECT brand_id, order_id, id, '50.00', '45.50', 'CNY', '让价', $2 FROM order_line WHERE id = $1`,
      [adjusted, admin.id],
    );
    const r = await kit.owner.request(TARGETS, { f: { year: 2030 } });
    expect(r.errors).toEqual([]);
    const [target] = r.data.salesTargets;
    // 300.30 + 233.31 = 533.61 in February; 0.01 + 91.00 in May
    expect(target.progress).toEqual({
      total: { amount: '624.62', currency: 'CNY' },
      attainment: '0.3',
      months: [
        { month: '2030-02', amount: { amount: '533.61' } },
        { month: '2030-05', amount: { amount: '91.01' } },
      ],
    });
  });

  test('another company’s or brand’s target answers NOT_FOUND, like a missing one', async () => {
    const d2 = kit.brand.distributorIds[2];
    const other = await kit.admin.request(PROPOSE, { i: proposal({ distributorId: d2, yearlyAmount: '1000.00' }) });
    expect(other.errors).toEqual([]);
    const id = other.data.proposeTarget.id;
    for (const call of [
      kit.owner.request(ACCEPT, { id, v: 1 }),
      kit.owner.request(COUNTER, {
        id: id,
        i: {
          expectedVersion: 1,
          quarters: ['1.00', '1.00', '1.00', '1.00'],
          reason: 'x',
          idempotencyKey: randomUUID(),
        },
      }),
      kit.otherOwner.request(ACCEPT, { id, v: 1 }),
      kit.otherAdmin.request(AGREE, { id, v: 1 }),
      kit.owner.request(TARGETS, { f: { year: 2030, distributorId: d2 } }),
      kit.otherAdmin.request(PROPOSE, { i: proposal() }),
    ]) {
      expect(codeOf(await call)).toBe(ErrorCode.NOT_FOUND);
    }
    const listed = await kit.owner.request(TARGETS, { f: { year: 2030 } });
    expect(listed.data.salesTargets.map((x: { id: string }) => x.id)).not.toContain(id);
    const foreignList = await kit.otherAdmin.request(TARGETS, { f: { year: 2030 } });
    expect(foreignList.data.salesTargets).toEqual([]);
    // a rep has no targets to read
    expect(await count(`SELECT count(*) AS n FROM sales_target_version WHERE target_id = $1`, [id])).toBe(1);
  });
});
