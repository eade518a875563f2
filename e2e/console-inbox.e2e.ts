import { browsers, PHONE, url } from './support/browser';
import { apiAs } from './support/api';
import { hospitalId, whoIs, writeSharedNoteByApi } from './portal-visits-steps';
import { tagPerAttempt } from './support/attempt';
import { pickOption } from './support/select';

// The console's bell and inbox. 张伟 (channel manager, 杭州) writes, through the API, a shared visit
// note with two commitments to 杭州康达, CC'ing its owner 钱永强. On his phone 钱永强 disputes the
// first one in the portal. 张伟's console bell counts it, the inbox lists it unread, he opens it
// and lands on the note, and the notice is read. The second commitment is disputed through the
// API and 张伟 opens that note straight from its address (not from the inbox): its notice is read
// too. Last, his notice settings: he takes commitment disputes in the daily digest of the group
// robot, and the choice is kept. Every record is the test's own (unique text).
const HOSPITAL = '浙江大学医学院附属第一医院';
const tag = tagPerAttempt();
const { signedIn } = browsers();

async function sharedNote(description: string): Promise<string> {
  const cm = await apiAs('console', 'zhang.cm@huakang.demo');
  const owner = await whoIs('boss@kangda.demo');
  return writeSharedNoteByApi(cm, {
    hospitalId: await hospitalId(cm, HOSPITAL),
    distributorId: owner.distributorId,
    outcome: `科室试用反馈 ${tag()} ${description}`,
    ccUserIds: [owner.id],
    commitments: [{ kind: 'TRIAL_EQUIPMENT', description }],
  });
}

test('a partner disputes a commitment: the channel manager sees it in the console bell and inbox, opens it, and it is read', async () => {
  // 钱永强 signs in on his phone; 张伟's note arrives; he disputes it in the portal's commitments.
  const phone = await signedIn('portal', 'boss@kangda.demo', '/visits?tab=commitments', PHONE);
  await phone.page.locator('[data-testid="commitments"][data-ready="true"]').waitFor();
  const first = `试用设备两周 ${tag()}`;
  const noteId = await sharedNote(first);
  await phone.page.reload();
  await phone.page.locator('[data-testid="commitments"][data-ready="true"]').waitFor();
  const item = phone.page
    .getByTestId('commitment')
    .and(phone.page.locator(`[data-description="${first}"][data-status="OPEN"]`));
  await item.getByRole('button', { name: /有争议/ }).click();
  const dispute = phone.page.getByRole('dialog', { name: '对这项承诺有争议' });
  await dispute.getByPlaceholder('请说明争议原因').fill(`试用期只给了一周 ${tag()}`);
  await dispute.getByRole('button', { name: /有争议/ }).click();
  await phone.page
    .locator(`[data-testid="commitment"][data-description="${first}"][data-status="OPEN"]`)
    .waitFor({ state: 'detached' });

  // 张伟's console: the bell counts it; the inbox lists it unread.
  const cm = await signedIn('console', 'zhang.cm@huakang.demo', '/');
  const { page } = cm;
  const bell = page.getByTestId('unread-count');
  await bell.waitFor();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count')) > 0,
  );
  const before = Number(await bell.getAttribute('data-count'));
  await cm.shot('inbox-01-bell');
  const bellButton = page.getByRole('button', { name: /^通知（\d+ 条未读）$/ });
  await bellButton.click();
  await page.getByTestId('notifications-filter').getByText('未读').click();
  const notice = page.locator(
    `[data-testid="notification"][data-kind="COMMITMENT_DISPUTED"][data-entity-id="${noteId}"]`,
  );
  await notice.waitFor();
  expect(await notice.getAttribute('data-unread')).toBe('true');
  expect(await notice.innerText()).toContain('承诺有争议');
  await cm.shot('inbox-02-unread');

  // Opening it leads to the note, and it is read: the bell counts one fewer, the unread list no longer has it.
  await notice.click();
  await page.waitForURL(`**/visits/notes/${noteId}`);
  await page.locator(`[data-testid="commitment-row"][data-status="DISPUTED"]`).first().waitFor();
  await cm.shot('inbox-03-opened-note');
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count') ?? 0) < n,
    before,
  );
  await bellButton.click();
  await page.getByTestId('notifications-filter').getByText('全部').click();
  await page
    .locator(
      `[data-testid="notification"][data-kind="COMMITMENT_DISPUTED"][data-entity-id="${noteId}"][data-unread="false"]`,
    )
    .waitFor();

  // A second dispute, opened from the note's own address rather than the inbox: read as well.
  const second = `配套耗材 ${tag()}`;
  const secondNote = await sharedNote(second);
  const owner = await apiAs('portal', 'boss@kangda.demo');
  const { visitNote } = await owner<{ visitNote: { commitments: Array<{ id: string; version: number }> } }>(
    'query($id: ID!) { visitNote(id: $id) { commitments { id version } } }',
    { id: secondNote },
  );
  await owner(
    'mutation($id: ID!, $v: Int!, $r: String!) { disputeCommitment(id: $id, expectedVersion: $v, reason: $r) { id } }',
    { id: visitNote.commitments[0].id, v: visitNote.commitments[0].version, r: `耗材未到 ${tag()}` },
  );
  const marked = page.waitForResponse(
    (r) => r.url().includes('/graphql') && r.request().postData()?.includes('MarkNotificationsReadAbout') === true,
  );
  await page.goto(url('console', `/visits/notes/${secondNote}`));
  await page.locator(`[data-testid="commitment-row"][data-status="DISPUTED"]`).first().waitFor();
  await marked;
  const cmApi = await apiAs('console', 'zhang.cm@huakang.demo');
  const unreadAbout = async () =>
    (
      await cmApi<{ notifications: { nodes: Array<{ entityId: string }> } }>(
        '{ notifications(first: 100, unreadOnly: true) { nodes { entityId } } }',
      )
    ).notifications.nodes.filter((n) => n.entityId === secondNote).length;
  expect(await unreadAbout()).toBe(0);

  // His notice settings: commitment disputes to the group robot in the daily digest, kept after a reload. A
  // retry starts from the default again (its first attempt may have saved the digest already).
  await cmApi('mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind } }', {
    c: [{ kind: 'COMMITMENT_DISPUTED', channel: 'GROUP_ROBOT', delivery: 'INSTANT' }],
  });
  await page.goto(url('console', '/notifications/settings'));
  const choice = page.getByTestId('pref-COMMITMENT_DISPUTED-GROUP_ROBOT');
  await choice.waitFor();
  // listen before choosing: the save can answer before a listener added after the click
  const saved = page.waitForResponse(
    (r) => r.url().includes('/graphql') && r.request().postData()?.includes('SetNotificationPreferences') === true,
  );
  await pickOption(page, choice, '每日汇总', '');
  await saved;
  await page.reload();
  await page.getByTestId('pref-COMMITMENT_DISPUTED-GROUP_ROBOT').getByText('每日汇总').waitFor();
  // a channel manager is not an admin: no robots to set
  expect(await page.getByTestId('group-robots').count()).toBe(0);
  await cm.shot('inbox-04-settings');
});

test("the brand's admin sets its group robots in the console", async () => {
  const admin = await signedIn('console', 'admin@huakang.demo', '/notifications/settings');
  const { page } = admin;
  await page.getByTestId('group-robots').waitFor();
  await page.getByTestId('robot-WECOM').waitFor();
  await page.getByTestId('robot-DINGTALK-secret').waitFor();
  // an address that is not the provider's is refused with a clear message, and nothing is saved
  const dingtalk = page.getByTestId('robot-DINGTALK');
  await dingtalk.getByLabel('Webhook 地址').fill('https://example.com/robot/send?access_token=x');
  await dingtalk.getByRole('button', { name: '保存机器人' }).click();
  await page.getByTestId('robot-DINGTALK-error').waitFor();
  expect(await page.getByTestId('robot-DINGTALK-error').innerText()).toContain('oapi.dingtalk.com');
  expect(await page.getByTestId('robot-DINGTALK-state').innerText()).toBe('未设置');
  await admin.shot('inbox-05-robots');
});

test('the owner, in 我的 on his phone, chooses his notices and sees his company’s group robots', async () => {
  const phone = await signedIn('portal', 'boss@kangda.demo', '/me', PHONE);
  const { page } = phone;
  await page.getByRole('link', { name: /通知设置/ }).click();
  await page.getByTestId('notice-preferences').getByTestId('pref-STATEMENT_ISSUED').waitFor();
  await page.getByTestId('group-robots').getByTestId('robot-DINGTALK').waitFor();
  // a partner's list has the statement kinds and not the brand's own (a disputed commitment is the brand's)
  expect(await page.getByTestId('pref-COMMITMENT_DISPUTED').count()).toBe(0);
  await phone.shot('inbox-06-portal-settings');
});
