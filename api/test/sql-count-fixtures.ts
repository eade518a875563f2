import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BrandFixture, createCatalog } from './factories';

/**
 * The SQL-count check's data: for a brand of its own, a page (30) of every kind of record a list
 * shows, each with the nested records its screen asks for, written straight to the database.
 */
export async function seedListPages(ds: DataSource, brand: BrandFixture): Promise<void> {
  const cat = await createCatalog(ds, brand);
  for (let i = 0; i < 30; i++) {
    const [p] = await ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       VALUES ($1, $2, $3, $4, 'CONSUMABLE', 'I', 'R', CURRENT_DATE - 1, CURRENT_DATE + 300, '10.00') RETURNING id`,
      [brand.brandId, cat.lineId, `SQLP${i}`, `SQL产品 ${String(i).padStart(2, '0')}`],
    );
    await ds.query(`INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '8.00', CURRENT_DATE - 1), ($1, $2, 2, '9.00', CURRENT_DATE - 1)`, [brand.brandId, p.id]);
  }
  // a page of hospitals and of grants, each with nested records
  for (let i = 0; i < 30; i++) {
    const [h] = await ds.query(`INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_2A', $3) RETURNING id`, [brand.brandId, `SQL医院 ${String(i).padStart(2, '0')}`, cat.cityId]);
    await ds.query(`INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科'), ($1, $2, '超声科')`, [brand.brandId, h.id]);
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 1, CURRENT_DATE + 30)`,
      [brand.brandId, brand.distributorIds[i], [cat.lineId], [h.id]],
    );
  }
  // a page of orders, each with lines (one price-adjusted), a shipment with items, and a timeline;
  // and a notification per order for the owner
  const [owner] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
  const [line2] = await ds.query(`SELECT id FROM product WHERE brand_id = $1 AND code = 'SQLP1'`, [brand.brandId]);
  const [line1] = await ds.query(`SELECT id FROM product WHERE brand_id = $1 AND code = 'SQLP0'`, [brand.brandId]);
  for (let i = 0; i < 30; i++) {
    const [o] = await ds.query(
      `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
       VALUES ($1, $2, $3, 'STOCK', $4, 'PARTIALLY_SHIPPED', 'CNY', '50.00', '16.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], `SQLO${String(i).padStart(4, '0')}`, owner.id],
    );
    const lines = await ds.query(
      `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, 3, '8.00', 'CNY'), ($1, $2, 2, $4, 2, '9.00', 'CNY') RETURNING id`,
      [brand.brandId, o.id, line1.id, line2.id],
    );
    await ds.query(
      `INSERT INTO order_price_adjustment (brand_id, order_id, order_line_id, from_unit_price, to_unit_price, currency, reason, actor_id) VALUES ($1, $2, $3, '8.00', '7.50', 'CNY', '让利', $4)`,
      [brand.brandId, o.id, lines[0].id, owner.id],
    );
    await ds.query(
      `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, actor_id) VALUES ($1, $2, 'PLACE', NULL, 'SUBMITTED', $3), ($1, $2, 'SHIP', 'APPROVED', 'PARTIALLY_SHIPPED', $3)`,
      [brand.brandId, o.id, owner.id],
    );
    const [s] = await ds.query(
      `INSERT INTO shipment (brand_id, order_id, distributor_id, number, shipped_on, amount, currency, idempotency_key, request_hash, created_by)
       VALUES ($1, $2, $3, $4, CURRENT_DATE, '16.00', 'CNY', gen_random_uuid(), repeat('0', 64), $5) RETURNING id`,
      [brand.brandId, o.id, brand.distributorIds[0], `SQLS${i}`, owner.id],
    );
    await ds.query(
      `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, serial_no) VALUES ($1, $2, $3, 1, 1, $4), ($1, $2, $3, 2, 1, $5)`,
      [brand.brandId, s.id, lines[0].id, `SN${i}a`, `SN${i}b`],
    );
    await ds.query(`INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, 'ORDER_SHIPPED', 'order', $3, '{"number":"x"}')`, [brand.brandId, owner.id, o.id]);
  }
  // a page of invoices, payments (each allocated to an invoice) and statements (each with lines and a dispute)
  const [adminRow] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  for (let i = 0; i < 30; i++) {
    const d = brand.distributorIds[i];
    const [inv] = await ds.query(
      `INSERT INTO invoice (brand_id, distributor_id, number, issued_on, due_on, tax_rate, net_amount, tax_amount, gross_amount, currency, request_hash, created_by)
       VALUES ($1, $2, $3, CURRENT_DATE, CURRENT_DATE + 30, '0.13', '88.50', '11.50', '100.00', 'CNY', repeat('0', 64), $4) RETURNING id`,
      [brand.brandId, d, `SQLINV${i}`, adminRow.id],
    );
    const [pay] = await ds.query(
      `INSERT INTO payment (brand_id, distributor_id, amount, currency, received_on, method, external_ref, request_hash, created_by)
       VALUES ($1, $2, '60.00', 'CNY', CURRENT_DATE, 'BANK_TRANSFER', $3, repeat('0', 64), $4) RETURNING id`,
      [brand.brandId, d, `SQLPAY${i}`, adminRow.id],
    );
    await ds.query(`INSERT INTO payment_allocation (brand_id, payment_id, invoice_id, amount) VALUES ($1, $2, $3, '60.00')`, [brand.brandId, pay.id, inv.id]);
    const [entry] = await ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '100.00', 'CNY', CURRENT_DATE - $3::int, CURRENT_DATE, 'fixture', gen_random_uuid()) RETURNING id`,
      [brand.brandId, d, i * 4],
    );
    // version 2 of the month, so its changes against version 1 (kept, superseded) are read too
    await ds.query(
      `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
       VALUES ($1, $2, '2001-01', 1, 'SUPERSEDED', 'CNY', '0.00', '0.00', '0.00', '0.00')`,
      [brand.brandId, d],
    );
    const [st] = await ds.query(
      `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
       VALUES ($1, $2, '2001-01', 2, 'DISPUTED', 'CNY', '0.00', '100.00', '100.00', '0.00') RETURNING id`,
      [brand.brandId, d],
    );
    const [line] = await ds.query(
      `INSERT INTO statement_line (brand_id, statement_id, line_no, ledger_entry_id, occurred_on, kind, amount) VALUES ($1, $2, 1, $3, '2001-01-15', 'SHIPMENT_RECEIVABLE', '100.00') RETURNING id`,
      [brand.brandId, st.id, entry.id],
    );
    await ds.query(`INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by) VALUES ($1, $2, $3, '不符', $4)`, [brand.brandId, st.id, line.id, owner.id]);
    const [ev] = await ds.query(`INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload) VALUES ($1, 'INVOICE_ISSUED', 'invoice', $2, '{}') RETURNING id`, [brand.brandId, inv.id]);
    await ds.query(`INSERT INTO webhook_delivery (brand_id, event_id, attempt, url, status_code, ok, duration_ms) VALUES ($1, $2, 1, 'http://erp.test/hook', 204, true, 12)`, [brand.brandId, ev.id]);
  }
  // a page of courses (each published, with a file material, an assignment), the owner enrolled in each
  // with an attempt and a certificate, and a page of the first distributor's reps
  const [firstOwner] = await ds.query(`SELECT id, distributor_id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
  for (let i = 0; i < 30; i++) {
    const [c] = await ds.query(
      `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, created_by) VALUES ($1, 'PRODUCT', $2, $3, 1, $4) RETURNING id`,
      [brand.brandId, `SQL课程 ${String(i).padStart(2, '0')}`, [cat.lineId], adminRow.id],
    );
    const [f] = await ds.query(
      `INSERT INTO course_file (brand_id, course_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by) VALUES ($1, $2, 'k', 'a.pdf', 'application/pdf', 1, repeat('0', 64), $3) RETURNING id`,
      [brand.brandId, c.id, adminRow.id],
    );
    const sections = [{ id: 's1', title: '一', materials: [{ kind: 'FILE', title: '讲义', body: null, fileId: f.id }] }];
    const questions = [{ id: 'q1', kind: 'SINGLE', prompt: '?', options: [{ id: 'a', text: 'a', correct: true }, { id: 'b', text: 'b', correct: false }] }];
    const [v] = await ds.query(
      `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, sections, questions, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', 'PRODUCT', 'v', $3, 50, 3, 12, $4, $5, now()) RETURNING id`,
      [brand.brandId, c.id, [cat.lineId], JSON.stringify(sections), JSON.stringify(questions)],
    );
    await ds.query(
      `INSERT INTO course_assignment (brand_id, course_id, distributor_ids, due_on, enrolled, created_by, idempotency_key, request_hash) VALUES ($1, $2, $3, CURRENT_DATE + 9, 1, $4, gen_random_uuid(), repeat('0', 64))`,
      [brand.brandId, c.id, [brand.distributorIds[i]], adminRow.id],
    );
    const [e] = await ds.query(
      `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, course_version_id, started_at, attempts, passed_at) VALUES ($1, $2, $3, $4, CURRENT_DATE + $5::int, $6, now(), 1, now()) RETURNING id`,
      [brand.brandId, c.id, firstOwner.id, firstOwner.distributor_id, i, v.id],
    );
    const [a] = await ds.query(
      `INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, 1, '{}', 100, true, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, e.id, firstOwner.id, v.id],
    );
    await ds.query(
      `INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CURRENT_DATE, CURRENT_DATE + 365)`,
      [brand.brandId, `SQLCERT${String(i).padStart(3, '0')}`, firstOwner.id, firstOwner.distributor_id, c.id, v.id, a.id, [cat.lineId]],
    );
    await ds.query(
      `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role, distributor_id) SELECT brand_id, $2, password_hash, $3, 'PARTNER', 'REP', distributor_id FROM app_user WHERE id = $1`,
      [firstOwner.id, `sqlrep${i}-${randomUUID().slice(0, 6)}@test.demo`, `SQL代表 ${String(i).padStart(2, '0')}`],
    );
  }
  // part 7: a page of co-visits (slots, participants) and shared notes (CC, tasks, a commitment, a comment) between the admin and the owner
  const [rep0] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [brand.distributorIds[0]]);
  await seedVisitPage(ds, brand, 30, adminRow.id, owner.id, rep0.id, cat.hospitalInCity);
}

/** `n` co-visits and notes about them, each with nested records (fixtures, written straight to the database). */
async function seedVisitPage(ds: DataSource, brand: BrandFixture, n: number, adminId: string, ownerId: string, repId: string, hospitalId: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const [v] = await ds.query(
      `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, starts_at, checked_in_at, proposed_by, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, 'CONFIRMED', now() + make_interval(mins => $5), now(), $6, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], hospitalId, `SQL拜访 ${i}`, i, adminId],
    );
    await ds.query(`INSERT INTO co_visit_slot (brand_id, co_visit_id, starts_at, ends_at, proposed_by, proposed_side) VALUES ($1, $2, now(), now() + interval '1 hour', $3, 'BRAND'), ($1, $2, now() + interval '1 day', now() + interval '25 hours', $4, 'PARTNER')`, [brand.brandId, v.id, adminId, ownerId]);
    await ds.query(`INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, 'BRAND'), ($1, $2, $4, 'PARTNER')`, [brand.brandId, v.id, adminId, ownerId]);
    const [note] = await ds.query(
      `INSERT INTO visit_note (brand_id, author_id, co_visit_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, 'SHARED', CURRENT_DATE, $6, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
      [brand.brandId, adminId, v.id, hospitalId, brand.distributorIds[0], `SQL纪要 ${i}`],
    );
    await ds.query(`INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $5), ($1, $2, $4, $5)`, [brand.brandId, note.id, ownerId, repId, adminId]);
    await ds.query(`INSERT INTO visit_task (brand_id, note_id, item_no, title, owner_id) VALUES ($1, $2, 1, '报价', $3), ($1, $2, 2, '排班', $4)`, [brand.brandId, note.id, adminId, repId]);
    await ds.query(
      `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, amount, currency, status, answered_by) VALUES ($1, $2, 1, 'PRICE', '九折', '10.00', 'CNY', $3, $4)`,
      [brand.brandId, note.id, i % 2 ? 'DISPUTED' : 'OPEN', i % 2 ? ownerId : null],
    );
    await ds.query(`INSERT INTO visit_comment (brand_id, note_id, author_id, body, idempotency_key, request_hash) VALUES ($1, $2, $3, '收到', gen_random_uuid(), repeat('0', 64))`, [brand.brandId, note.id, ownerId]);
  }
}
