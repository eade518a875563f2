import { browsers, PHONE, url } from './support/browser';
import { chooseDistributor, typeDate } from './finance-desk';
import { pickOption } from './support/select';
import { apiAs } from './support/api';

// A statement issued reaches its owner by e-mail and in the app. 郑凯, the owner of 苏州恒康 (no
// other browser test uses him), chooses on his phone, in 我的 → 通知设置, to get 对账单出具 by
// e-mail at once. 孙丽 in finance issues 苏州恒康's statement for a month long closed (a fixed
// month: no other test states it). The mail is written with the statement; the browser tests run
// without an SMTP server, so it is kept and the brand's admin reads it in the console's mail list,
// addressed to 郑凯, with the link to the statement in the portal. On his phone the notice is in his inbox, unread.
const OWNER = 'boss@hengkang.demo';
const PERIOD = '2025-01';
const { signedIn } = browsers();

test('a statement issued reaches the owner by e-mail and in-app', async () => {
  // 郑凯 takes statements by e-mail, at once: from no mail, as the seed has it (a retry finds the first attempt's choice)
  const zheng = await apiAs('portal', OWNER);
  await zheng('mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind } }', {
    c: [{ kind: 'STATEMENT_ISSUED', channel: 'EMAIL', delivery: 'OFF' }],
  });
  const phone = await signedIn('portal', OWNER, '/me/notices', PHONE);
  const choice = phone.page.getByTestId('pref-STATEMENT_ISSUED-EMAIL');
  await choice.getByText('不接收').waitFor();
  // listen before choosing: the save can answer before a listener added after the click
  const saved = phone.page.waitForResponse(
    (r) => r.url().includes('/graphql') && r.request().postData()?.includes('SetNotificationPreferences') === true,
  );
  // (a list with no search: nothing typed; picked again if a click in the list opening selected nothing)
  await pickOption(phone.page, choice, '即时', '');
  await saved;
  await phone.page.reload();
  await phone.page.getByTestId('pref-STATEMENT_ISSUED-EMAIL').getByText('即时').waitFor();
  await phone.shot('notice-mail-01-owner-chooses-email');

  // 孙丽 issues the month's statement
  const finance = await signedIn('console', 'finance@huakang.demo', '/finance/statements');
  await finance.page.getByRole('button', { name: '生成对账单' }).click();
  const dialog = finance.page.getByRole('dialog', { name: '生成对账单' });
  await chooseDistributor(finance.page, dialog.getByTestId('statement-generate-distributor'), '苏州恒康');
  await typeDate(dialog.getByTestId('statement-generate-month'), PERIOD);
  await dialog.getByTestId('statement-generate-submit').click();
  await finance.page.waitForURL(/\/finance\/statements\/[0-9a-f-]{36}$/);
  const statementId = /[0-9a-f-]{36}$/.exec(finance.page.url())![0];

  // the brand's admin finds the mail to 郑凯 in the console's mail list
  const admin = await signedIn('console', 'admin@huakang.demo', '/mail');
  const mail = admin.page.locator(`[data-testid="mail-row"][data-to="${OWNER}"]`, { hasText: '通知' }).filter({
    hasText: `${PERIOD} 对账单已出具`,
  });
  await mail.first().waitFor();
  expect(await mail.count()).toBe(1);
  await mail.locator('.ant-table-row-expand-icon').click();
  const body = admin.page.locator('.ant-table-expanded-row', { hasText: `${PERIOD} 对账单已出具` });
  await body.waitFor();
  // its link opens the statement in the portal
  expect(await body.innerText()).toContain(url('portal', `/statements/${statementId}`));
  await admin.shot('notice-mail-02-mail-list');

  // and in his inbox, unread
  await phone.page.goto(url('portal', '/notifications'));
  const notice = phone.page.locator(
    `[data-testid="notification"][data-kind="STATEMENT_ISSUED"][data-entity-id="${statementId}"][data-unread="true"]`,
  );
  await notice.waitFor();
  await phone.shot('notice-mail-03-owner-inbox');
});
