import {
  CONSOLE_PATHS,
  NOTICE_ENTITY,
  NOTICE_KINDS,
  NOTICE_PATHS,
  NotificationKind,
  PORTAL_PATHS,
  Side,
  appOfSide,
  noticePath,
  noticeUrl,
  type NoticeApp,
} from '@medchannel/shared-schema';

/*
 * Where a notice leads is written once, in shared-schema/src/notice-links.ts: the apps' inboxes,
 * the e-mails and the group robots all link with it. Every kind names a record, and every record
 * has a page in each app or, written out, none.
 */
const ID = '0b6f2f7e-5d1a-4c1e-9a51-3e0f4f1d2c3b';
const APPS: NoticeApp[] = ['console', 'portal'];

test('every notice kind names a record, and each app maps that record to a page or explicitly to none', () => {
  for (const kind of Object.values(NotificationKind)) {
    const entity = NOTICE_ENTITY[kind];
    expect({ kind, entity }).toEqual({ kind, entity: expect.any(String) });
    for (const app of APPS) {
      // written out: a function or null, never missing
      expect(Object.hasOwn(NOTICE_PATHS[app], entity)).toBe(true);
      const of = NOTICE_PATHS[app][entity];
      expect(of === null || typeof of === 'function').toBe(true);
    }
  }
  // the records with no page, by app: the portal has no product catalog
  const none = APPS.flatMap((app) =>
    Object.entries(NOTICE_PATHS[app])
      .filter(([, of]) => of === null)
      .map(([entity]) => `${app}:${entity}`),
  );
  expect(none).toEqual(['portal:product']);
});

test('every kind a side receives opens a page inside its own app', () => {
  for (const side of [Side.BRAND, Side.PARTNER]) {
    const app = appOfSide(side);
    for (const kind of NOTICE_KINDS[side]) {
      const path = noticePath(app, { entity: NOTICE_ENTITY[kind], entityId: ID, params: {} });
      // a path inside the app: one leading slash (never another site's `//host`)
      expect({ kind, app, path }).toEqual({ kind, app, path: expect.stringMatching(/^\/[^/]/) });
    }
  }
  expect(appOfSide(Side.BRAND)).toBe('console');
  expect(appOfSide(Side.PARTNER)).toBe('portal');
});

test('a record opens by its id, or by the params its notice carries', () => {
  expect(noticePath('portal', { entity: 'order', entityId: ID })).toBe(`/orders/${ID}`);
  expect(noticePath('console', { entity: 'order', entityId: ID })).toBe(`/orders/${ID}`);
  expect(noticePath('console', { entity: 'statement', entityId: ID })).toBe(`/finance/statements/${ID}`);
  expect(noticePath('portal', { entity: 'statement', entityId: ID })).toBe(`/statements/${ID}`);
  // an id is a path segment, whatever it holds
  expect(PORTAL_PATHS.order('a/b?c')).toBe('/orders/a%2Fb%3Fc');
  // a tender opens its opportunity; a quote to decide, the console's approval queue
  expect(noticePath('portal', { entity: 'tender', entityId: ID, params: { opportunityId: 'o1' } })).toBe(
    '/opportunities/o1',
  );
  expect(CONSOLE_PATHS.tender(ID, { opportunityId: 'o1', decide: '1' })).toBe('/quote-approvals');
  expect(CONSOLE_PATHS.qualification(ID, { distributorId: 'd1' })).toBe('/distributors/d1');
  expect(CONSOLE_PATHS.product(ID, { code: 'A B' })).toBe('/products?q=A%20B');
  // a record the map does not know, even one named like an object's own property, has no page
  for (const entity of ['app_user', 'constructor', '__proto__', 'toString']) {
    expect(noticePath('portal', { entity, entityId: ID })).toBeNull();
  }
  expect(noticePath('portal', { entity: 'product', entityId: ID })).toBeNull();
});

test('the address is the page on the app’s base URL; with no page, the app’s inbox', () => {
  expect(noticeUrl('https://m.example.cn/', 'portal', { entity: 'order', entityId: ID })).toBe(
    `https://m.example.cn/orders/${ID}`,
  );
  expect(noticeUrl('https://console.example.cn', 'console', { entity: 'order', entityId: ID })).toBe(
    `https://console.example.cn/orders/${ID}`,
  );
  expect(noticeUrl('https://m.example.cn', 'portal', { entity: 'product', entityId: ID })).toBe(
    'https://m.example.cn/notifications',
  );
});
