import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { PASSWORD, login, openBrowser, url, type Session } from './support/browser';
import { linkMailedTo } from './people-steps';
import { hospitalId, proposeCoVisitByApi, slotOn, whoIs, writeSharedNoteByApi } from './portal-visits-steps';
import { apiAs } from './support/api';
import { pickOption } from './support/select';

// A distributor's people from the console: its channel manager disables a rep who left (a confirm
// says every sign-in ends at once), hands his open co-visit and follow-up task to a colleague, and
// enables him again. Every attempt works on people and plans of its own (a tag in their names),
// so a retry on the same database starts from a rep who is enabled and holds his work.

const DESKTOP = { width: 1366, height: 900 };
let session: Session | undefined;
/** The reps this attempt added to 杭州康达. */
const added: string[] = [];

afterEach(async () => {
  await session?.close();
  session = undefined;
  // Tests that count 杭州康达's people (a course assigned to all of them, console-training) count
  // those not disabled: the reps of this attempt leave disabled, whatever the attempt's outcome.
  const admin = await apiAs('console', 'admin@huakang.demo');
  for (const id of added.splice(0))
    await admin('mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }', { id });
});

/** The owner of 杭州康达 invites a rep; with `signIn` the rep sets a password from the mailed link. */
async function freshRep(name: string, signIn: boolean): Promise<string> {
  const owner = await apiAs('portal', 'boss@kangda.demo');
  const email = `handover-${randomUUID().slice(0, 8)}@kangda.demo`;
  const { inviteRep } = await owner<{ inviteRep: { id: string } }>(
    'mutation($i: InviteRepInput!) { inviteRep(input: $i) { id } }',
    { i: { email, displayName: name, financeAccess: false, requestKey: randomUUID() } },
  );
  added.push(inviteRep.id);
  if (signIn) {
    const token = new URL(await linkMailedTo(email), 'http://link').searchParams.get('token');
    const res = await fetch(url('portal', '/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
      body: JSON.stringify({
        query: 'mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }',
        variables: { t: token, p: PASSWORD },
      }),
    });
    expect(((await res.json()) as { data?: unknown }).data).toEqual({ setPasswordWithLink: true });
  }
  return inviteRep.id;
}

/** A person's row on the distributor's page: the list item named by the person (its accessible name), exactly. */
const personRow = (page: Page, name: string): Locator => page.getByRole('listitem', { name, exact: true });

/**
 * Clicks a row's button (named by its word as written, though antd shows "恢 复"), then the
 * confirm's own button. Should the button not be found, the error says what the row held.
 */
async function confirmToggle(page: Page, row: Locator, button: string, question: string, ok: string): Promise<void> {
  await row
    .getByRole('button', { name: button, exact: true })
    .click()
    .catch(async (error: Error) => {
      const held = await row.ariaSnapshot({ timeout: 2_000 }).catch(() => 'the row itself was not found');
      throw new Error(`${error.message}\nthe row held:\n${held}`);
    });
  const confirm = page.locator('.ant-popconfirm').filter({ hasText: question });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: ok }).click();
  await confirm.waitFor({ state: 'hidden' });
}

test('a channel manager disables a rep who left, hands his open co-visit and task to a colleague, and enables him again', async () => {
  const tag = Date.now().toString(36);
  const leavingName = `离职代表${tag}`;
  const takingName = `接手代表${tag}`;
  const leaving = await freshRep(leavingName, true);
  const taking = await freshRep(takingName, false);

  // what he holds: a co-visit the channel manager proposed to him, and a task from the manager's shared note
  const cm = await apiAs('console', 'zhang.cm@huakang.demo');
  const { distributorId } = await whoIs('boss@kangda.demo');
  const hospital = await hospitalId(cm, '杭州市第一人民医院');
  await proposeCoVisitByApi(cm, {
    goal: `交接协访 ${tag}`,
    hospitalId: hospital,
    distributorId,
    participantId: leaving,
    slots: [slotOn(5, 14)],
  });
  await writeSharedNoteByApi(cm, {
    hospitalId: hospital,
    distributorId,
    outcome: `交接记录 ${tag}`,
    ccUserIds: [leaving],
    commitments: [],
    tasks: [{ title: `送样品 ${tag}`, ownerId: leaving }],
  });

  session = await openBrowser(DESKTOP);
  const { page } = session;
  await page.goto(url('console', `/distributors/${distributorId}`));
  await login(page, 'zhang.cm@huakang.demo');
  const row = personRow(page, leavingName);
  await row.getByText('正常').waitFor();
  await row.getByText(/最近登录|尚未登录/).waitFor();
  await row.scrollIntoViewIfNeeded();
  await session.shot('distributor-people-01-active');

  // disabling asks first, saying every sign-in ends at once
  await confirmToggle(page, row, '停用', `停用 ${leavingName}？其所有登录会立即退出。`, '确认停用');
  await row.getByText('已停用').waitFor();
  const panel = row.getByTestId('handover');
  await panel.getByText('仍有 1 个未完成的协同拜访、1 项跟进任务，请交给其他同事').waitFor();
  await panel.getByText(`送样品 ${tag}（杭州市第一人民医院）`).waitFor();
  await session.shot('distributor-people-02-disabled-holdings');

  // hand everything to the colleague: the list of holdings goes once nothing is left
  await pickOption(page, panel.getByLabel('交接给谁'), takingName);
  await panel.getByRole('button', { name: '全部交接' }).click();
  await panel.waitFor({ state: 'detached' });
  await session.shot('distributor-people-03-handed-over');
  const admin = await apiAs('console', 'admin@huakang.demo');
  const held = await admin<{ userHoldings: { totalCount: number }; userTaskHoldings: { totalCount: number } }>(
    'query($id: ID!) { userHoldings(userId: $id, first: 5) { totalCount } userTaskHoldings(userId: $id, first: 5) { totalCount } }',
    { id: taking },
  );
  expect(held).toEqual({ userHoldings: { totalCount: 1 }, userTaskHoldings: { totalCount: 1 } });

  // and back: enabled again
  await confirmToggle(page, row, '恢复', `恢复 ${leavingName} 的账号？`, '确认恢复');
  await row.getByText('正常').waitFor();
  await session.shot('distributor-people-04-enabled');
});
