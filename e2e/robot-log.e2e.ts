import { browsers } from './support/browser';

// The brand's admin saves a WeCom group robot (an address the browser tests' API allows, nothing
// listens there), sends it a test message, and opens its delivery log. The browser tests' API runs
// no delivery rounds, so the message waits in the outbox and the log is still empty: the screen
// says so rather than showing anything invented.
const { signedIn } = browsers();

test('a saved robot can be sent a test message, and its delivery log opens', async () => {
  const admin = await signedIn('console', 'admin@huakang.demo', '/notifications/settings');
  const { page } = admin;
  const wecom = page.getByTestId('robot-WECOM');
  await wecom.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e-robot-log');
  await wecom.getByRole('button', { name: '保存机器人' }).click();
  await wecom.getByText('已启用').waitFor();
  await wecom.getByRole('button', { name: '发送测试消息' }).click();
  await page.getByText('测试消息已发出，稍后可在投递记录中查看结果').waitFor();
  await wecom.getByRole('button', { name: '投递记录' }).click();
  const drawer = page.getByRole('dialog', { name: '企业微信 投递记录' });
  await drawer.getByText('还没有投递记录').waitFor();
  await admin.shot('robot-log-01-drawer');
});

// The portal keeps antd's <App> out of its first load: the words after saving and sending come from
// the shared feedback (web-shared app/notice.ts), which once called an <App> that was not there.
test("a distributor's owner saves his company's robot on a phone and is told it was saved and sent", async () => {
  const owner = await signedIn('portal', 'boss@kangda.demo', '/me/notices', { width: 390, height: 844 });
  const { page } = owner;
  const wecom = page.getByTestId('robot-WECOM');
  await wecom.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e-portal-robot');
  await wecom.getByRole('button', { name: '保存机器人' }).click();
  await page.getByText('已保存').waitFor();
  await wecom.getByText('已启用').waitFor();
  await wecom.getByRole('button', { name: '发送测试消息' }).click();
  await page.getByText('测试消息已发出，稍后可在投递记录中查看结果').waitFor();
  await owner.shot('robot-log-02-portal-owner');
});
