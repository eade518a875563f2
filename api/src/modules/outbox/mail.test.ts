import { MailKind } from '@medchannel/shared-schema';
import { BRANDS } from '../../db/seed/demo-data';
import { TestApp, codeOf, startTestApp } from '../../../test/harness';
import { SmtpReceiver } from '../../../test/smtp-receiver';

/**
 * E-mail: written with the change, delivered after it over real SMTP (an smtp-server in this
 * process), retried when the server fails, and sent exactly once; without SMTP, kept and shown to
 * the brand's admins.
 */
const OPTS = { retryBaseMs: 1, leaseMs: 60_000, timeoutMs: 2_000, batch: 20 };
const brandId = BRANDS.huakang.id;

describe('over SMTP', () => {
  let t: TestApp;
  const smtp = new SmtpReceiver();

  beforeAll(async () => {
    t = await startTestApp({ smtpUrl: await smtp.start() });
  });
  afterAll(async () => {
    await t?.stop();
    await smtp.stop();
  });

  const queue = (subject: string, text: string) =>
    t.app.ds.transaction((em) =>
      t.app.services.mail.queue(em, brandId, {
        to: 'someone@example.test',
        userId: null,
        kind: MailKind.PASSWORD_CHANGED,
        subject,
        text,
      }),
    );
  const row = (subject: string) =>
    t.app.ds
      .query(`SELECT id, attempts, delivered_at, body, last_error FROM mail_message WHERE subject = $1`, [subject])
      .then((rows) => rows[0]);
  const arrived = (subject: string) => smtp.received.filter((m) => m.subject === subject);
  // deliverDue works on every due message of the database: rounds until this one is settled
  async function deliverUntil(subject: string, settled: (r: { delivered_at: unknown; attempts: number }) => boolean) {
    for (let i = 0; i < 20 && !settled(await row(subject)); i++) {
      await t.app.services.mail.deliverDue(OPTS);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  test('a queued message is sent once, with its id as Message-ID, and its body is not kept', async () => {
    await queue('欢迎 Welcome', '第一行\nhttps://example.test/set-password?token=abc');
    const queued = await row('欢迎 Welcome');
    expect(queued.delivered_at).toBeNull();
    await deliverUntil('欢迎 Welcome', (r) => r.delivered_at !== null);
    const got = arrived('欢迎 Welcome');
    expect(got).toHaveLength(1);
    expect(got[0].to).toEqual(['someone@example.test']);
    expect(got[0].messageId).toBe(`<${queued.id}@medchannel.local>`);
    expect(got[0].text).toContain('https://example.test/set-password?token=abc');
    expect(got[0].text).toContain('第一行');
    const sent = await row('欢迎 Welcome');
    expect(sent.body).toBeNull();
    expect(sent.attempts).toBe(1);
    // another round sends nothing again
    await t.app.services.mail.deliverDue(OPTS);
    expect(arrived('欢迎 Welcome')).toHaveLength(1);
  });

  test('a failing server: the message is retried and arrives exactly once when the server recovers', async () => {
    smtp.failNext = 2;
    await queue('Retry me', 'body');
    await deliverUntil('Retry me', (r) => r.attempts >= 1);
    const failed = await row('Retry me');
    expect(failed.delivered_at).toBeNull();
    expect(failed.last_error).toMatch(/451|Try again/);
    expect(arrived('Retry me')).toHaveLength(0);
    await deliverUntil('Retry me', (r) => r.delivered_at !== null);
    const done = await row('Retry me');
    expect(done.attempts).toBe(3);
    expect(done.last_error).toBeNull();
    expect(arrived('Retry me')).toHaveLength(1);
    // two deliverers at once after that: nothing is due, nothing is sent twice
    await Promise.all([t.app.services.mail.deliverDue(OPTS), t.app.services.mail.deliverDue(OPTS)]);
    expect(arrived('Retry me')).toHaveLength(1);
  });

  test('two deliverers racing over the same due messages send each once', async () => {
    for (let i = 0; i < 6; i++) await queue(`Race ${i}`, 'body');
    await Promise.all([t.app.services.mail.deliverDue(OPTS), t.app.services.mail.deliverDue(OPTS)]);
    for (let i = 0; i < 6; i++) expect(arrived(`Race ${i}`)).toHaveLength(1);
  });

  test('the mail list shows no body once mail goes over SMTP', async () => {
    const admin = await t.as('admin@huakang.demo');
    const r = await admin.request(`{ mailMessages(first: 50) { nodes { subject body kept deliveredAt } } }`);
    expect(r.errors).toEqual([]);
    const sent = r.data.mailMessages.nodes.find((m: { subject: string }) => m.subject === '欢迎 Welcome');
    expect(sent).toMatchObject({ body: null, kept: false });
    expect(sent.deliveredAt).not.toBeNull();
  });
});

describe('without SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  test('mail is kept at once and shown to the brand admin only', async () => {
    await t.app.ds.transaction((em) =>
      t.app.services.mail.queue(em, brandId, {
        to: 'kept@example.test',
        userId: null,
        kind: MailKind.INVITATION,
        subject: 'Kept message',
        text: 'https://example.test/set-password?token=kept',
      }),
    );
    expect(await t.app.services.mail.deliverDue(OPTS)).toBe(0);
    const query = `{ mailMessages(first: 50) { nodes { toAddress subject body kept deliveredAt } } }`;
    const admin = await t.as('admin@huakang.demo');
    const r = await admin.request(query);
    const kept = r.data.mailMessages.nodes.find((m: { subject: string }) => m.subject === 'Kept message');
    expect(kept).toMatchObject({ toAddress: 'kept@example.test', kept: true });
    expect(kept.body).toContain('token=kept');
    const other = await t.as('admin@ruiguang.demo');
    const o = await other.request(query);
    expect(o.text).not.toContain('Kept message');
    const finance = await t.as('finance@huakang.demo');
    expect(codeOf(await finance.request(query))).toBe('FORBIDDEN');
  });

  test('a kept password-reset link is not shown to an admin it is not addressed to', async () => {
    const [someone] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE email = 'finance@huakang.demo'`);
    await t.app.ds.transaction((em) =>
      t.app.services.mail.queue(em, brandId, {
        to: someone.email,
        userId: someone.id,
        kind: MailKind.PASSWORD_RESET,
        subject: 'Reset kept',
        text: 'https://example.test/set-password?token=secret-reset',
      }),
    );
    const admin = await t.as('admin@huakang.demo');
    const r = await admin.request(`{ mailMessages(first: 50) { nodes { toAddress kind subject body } } }`);
    const reset = r.data.mailMessages.nodes.find((m: { subject: string }) => m.subject === 'Reset kept');
    expect(reset).toMatchObject({ toAddress: 'finance@huakang.demo', kind: 'PASSWORD_RESET', body: null });
    expect(JSON.stringify(r.data)).not.toContain('secret-reset');
  });
});
