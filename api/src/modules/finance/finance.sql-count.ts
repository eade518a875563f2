import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';
import { today } from '../../common/dates';
import { STATEMENT_SCREEN } from './finance.test-kit';

/** Invoices, payments, statements and disputes, and receivables whose cost must not grow with what is owed. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, adminId, ownerId }) => {
    // a page of invoices, payments (each allocated to an invoice) and statements (each with lines and a dispute)
    for (let i = 0; i < 30; i++) {
      const d = brand.distributorIds[i];
      const [inv] = await ds.query(
        `INSERT INTO invoice (brand_id, distributor_id, number, issued_on, due_on, tax_rate, net_amount, tax_amount, gross_amount, currency, request_hash, created_by)
         VALUES ($1, $2, $3, CURRENT_DATE, CURRENT_DATE + 30, '0.13', '88.50', '11.50', '100.00', 'CNY', repeat('0', 64), $4) RETURNING id`,
        [brand.brandId, d, `SQLINV${i}`, adminId],
      );
      const [pay] = await ds.query(
        `INSERT INTO payment (brand_id, distributor_id, amount, currency, received_on, method, external_ref, request_hash, created_by)
         VALUES ($1, $2, '60.00', 'CNY', CURRENT_DATE, 'BANK_TRANSFER', $3, repeat('0', 64), $4) RETURNING id`,
        [brand.brandId, d, `SQLPAY${i}`, adminId],
      );
      await ds.query(
        `INSERT INTO payment_allocation (brand_id, payment_id, invoice_id, amount) VALUES ($1, $2, $3, '60.00')`,
        [brand.brandId, pay.id, inv.id],
      );
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
      await ds.query(
        `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by) VALUES ($1, $2, $3, '不符', $4)`,
        [brand.brandId, st.id, line.id, ownerId],
      );
      const [ev] = await ds.query(
        `INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload) VALUES ($1, 'INVOICE_ISSUED', 'invoice', $2, '{}') RETURNING id`,
        [brand.brandId, inv.id],
      );
      await ds.query(
        `INSERT INTO webhook_delivery (brand_id, event_id, attempt, url, status_code, ok, duration_ms) VALUES ($1, $2, 1, 'http://erp.test/hook', 204, true, 12)`,
        [brand.brandId, ev.id],
      );
    }
  },
  lists: [
    {
      name: 'invoices',
      max: 5,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { invoices(first: $n) { totalCount nodes { number status paidAmount { amount } grossAmount { amount } distributor { name } } } }`,
    },
    {
      name: 'payments',
      max: 7,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { payments(first: $n) { totalCount nodes { externalRef unallocated { amount } distributor { name } invoices { number status } } } }`,
    },
    {
      name: 'statements with lines, disputes and versions',
      // the session and one statement: each row's tree comes with the page (statement-page.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { statements(first: $n) { totalCount nodes { period distributor { name } lines { amount { amount } dispute { comment } } disputes { raisedBy { displayName } attachments { fileName url } } versions { version }
      changes { previousVersion closingBalanceChange { amount } lines { change lineNo amount { amount } effect { amount } } } } } }`,
    },
    {
      name: 'the receivables aging',
      // the session and one statement: the rows' distributors and regions come with the page (aging-tree.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { receivablesAging(first: $n) { totalCount totals { total { amount } } nodes { distributor { id name code region { id name } } total { amount } overdue { amount } } } }`,
    },
    {
      name: 'the disputes queue',
      // the session and one statement (dispute-page.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { statementDisputes(first: $n) { totalCount nodes { comment statement { period distributor { name } } line { amount { amount } } raisedBy { displayName } attachments { fileName url } } } }`,
    },
  ],
  tests: {
    'the statement screen is the session and one statement however many lines, disputes and versions it shows': async ({
      t,
      brand,
    }) => {
      // the portal's Statement: the session lookup and the tree (statement-tree.ts)
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const d = brand.distributorIds[0];
      const [st] = await t.app.ds.query(
        `SELECT s.id, v1.id AS v1 FROM statement s JOIN statement v1 ON v1.distributor_id = s.distributor_id AND v1.period = s.period AND v1.version = 1
            WHERE s.distributor_id = $1 AND s.period = '2001-01' AND s.version = 2`,
        [d],
      );
      const screen = () => owner.request(STATEMENT_SCREEN, { id: st.id });
      await screen(); // the session's first request also touches it
      const before = await screen();
      const [entry] = await t.app.ds.query(`SELECT ledger_entry_id AS id FROM statement_line WHERE statement_id = $1`, [
        st.id,
      ]);
      for (let i = 0; i < 5; i++) {
        for (const [statementId, lineNo] of [
          [st.id, i + 2],
          [st.v1, i + 1],
        ]) {
          const [line] = await t.app.ds.query(
            `INSERT INTO statement_line (brand_id, statement_id, line_no, ledger_entry_id, occurred_on, kind, amount, memo) VALUES ($1, $2, $3, $4, '2001-01-15', 'SHIPMENT_RECEIVABLE', '7.00', 'SQL') RETURNING id`,
            [brand.brandId, statementId, lineNo, entry.id],
          );
          const [dispute] = await t.app.ds.query(
            `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by) VALUES ($1, $2, $3, '不符', (SELECT raised_by FROM statement_dispute LIMIT 1)) RETURNING id`,
            [brand.brandId, statementId, line.id],
          );
          await t.app.ds.query(
            `INSERT INTO statement_dispute_attachment (brand_id, dispute_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by) VALUES ($1, $2, 'k', 'a.pdf', 'application/pdf', 1, repeat('0', 64), (SELECT raised_by FROM statement_dispute LIMIT 1))`,
            [brand.brandId, dispute.id],
          );
        }
      }
      const after = await screen();
      expect([before.errors, after.errors]).toEqual([[], []]);
      expect(after.data.statement.lines).toHaveLength(before.data.statement.lines.length + 5);
      expect(after.data.statement.versions.map((v: { disputes: unknown[] }) => v.disputes.length)).toEqual(
        before.data.statement.versions.map((v: { disputes: unknown[] }) => v.disputes.length + 5),
      );
      expect(after.sqlCount).toBe(before.sqlCount);
      expect(before.sqlCount).toBeLessThanOrEqual(2);
    },
    'receivables aging, the collection plan and an account card cost the same however many distributors owe and items are open':
      async ({ t, brand }) => {
        const client = t.client(Audience.CONSOLE);
        await client.login(brand.adminEmail);
        const account = brand.distributorIds[0];
        const post = (distributorId: string, dueIn: number) =>
          t.app.ds.query(
            `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '5.00', 'CNY', CURRENT_DATE, CURRENT_DATE + $3::int, 'fixture', gen_random_uuid())`,
            [brand.brandId, distributorId, dueIn],
          );
        await post(account, 1); // something falls due next from the start
        const queries = [
          `{ receivablesAging(first: 100) { totalCount totals { total { amount } } nodes { distributor { name region { name } } total { amount } overdue { amount } } } }`,
          `query { collectionPlan(to: "2099-12-31") { dueOn outstanding { amount } distributor { name } } }`,
          `{ receivablesAgingByRegion { region { name parent { name } } total { amount } } }`,
          `{ accountSummary(distributorId: "${account}") { balance { amount } paymentTermsDays openCount overdue { amount } nextDue { dueOn distributor { name } } open { dueOn outstanding { amount } distributor { name } } } }`,
        ];
        const measure = () => Promise.all(queries.map((q) => client.request(q)));
        const before = await measure();
        for (let i = 0; i < 10; i++) {
          await post(brand.distributorIds[i], 0);
          await post(account, i + 2);
        }
        const after = await measure();
        expect(after.flatMap((r) => r.errors)).toEqual([]);
        // the account card lists each of the account's 11 new items (one due today, ten later)
        expect(after[3].data.accountSummary.open.length).toBe(before[3].data.accountSummary.open.length + 11);
        // the aging list: whoever owed before, and each of the ten distributors that now owe
        const owing: Array<{ name: string }> = await t.app.ds.query(`SELECT name FROM distributor WHERE id = ANY($1)`, [
          brand.distributorIds.slice(0, 10),
        ]);
        const namesOf = (r: (typeof after)[number]) =>
          r.data.receivablesAging.nodes.map((n: { distributor: { name: string } }) => n.distributor.name).sort();
        expect(namesOf(after[0])).toEqual([...new Set([...namesOf(before[0]), ...owing.map((d) => d.name)])].sort());
        expect(after[0].data.receivablesAging.totalCount).toBe(namesOf(after[0]).length);
        expect(after.map((r) => r.sqlCount)).toEqual(before.map((r) => r.sqlCount));
      },
    'the account card is the session and one statement: the scope check, the terms and the figures together': async ({
      t,
      brand,
    }) => {
      // the portal's AccountSummary (account.service.ts summary → receivables.ts accountFigures)
      const client = t.client(Audience.PORTAL);
      await client.login(brand.ownerEmail);
      const card = await client.request(
        `{ accountSummary { paymentTermsDays balance { amount currency } openCount overdue { amount } overdueCount nextDue { entryId dueOn outstanding { amount } } } }`,
      );
      expect(card.errors).toEqual([]);
      expect(card.sqlCount).toBe(2);
    },
    'a credit note costs the same on an account of one entry as on one of many': async ({ t, brand }) => {
      const client = t.client(Audience.CONSOLE);
      await client.login(brand.adminEmail);
      const account = brand.distributorIds[1];
      const credit = () =>
        client.request(
          `mutation($i: PostAccountCreditInput!) { postAccountCredit(input: $i) { id amount { amount } } }`,
          {
            i: {
              distributorId: account,
              kind: 'CREDIT_NOTE',
              amount: '2.00',
              occurredOn: today(),
              reason: 'SQL 折让',
              idempotencyKey: randomUUID(),
            },
          },
        );
      const first = await credit();
      for (let i = 0; i < 10; i++) await credit();
      const later = await credit();
      expect(later.errors).toEqual([]);
      expect(later.sqlCount).toBe(first.sqlCount);
    },
  },
};
