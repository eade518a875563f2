import http from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookFailure } from '@medchannel/shared-schema';
import { isNonPublic } from '../../common/ip-ranges';
import { TargetError, postPinned, resolveTarget, targetPolicy } from './webhook-target';

const NONE = targetPolicy({ webhookAllowHosts: [], webhookAllowCidrs: [] });
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => (e instanceof TargetError ? e.failure : e),
  );

describe('which addresses are not public', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.9',
    '::1',
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    'fe80::1',
    'fd00::1',
    'fd00:ec2::254',
    'fc00::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::7f00:1',
    '2002:7f00:1::1',
    '::127.0.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.1',
    '198.18.0.1',
    'ff02::1',
    'not-an-ip',
  ])('%s is refused', (address) => expect(isNonPublic(address)).toBe(true));

  test.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => expect(isNonPublic(address)).toBe(false));
});

describe('resolveTarget', () => {
  test.each([
    'http://127.0.0.1:5432/',
    'http://[::1]/',
    'http://10.9.8.7/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:169.254.169.254]/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://017700000001/',
  ])('refuses %s', async (url) => {
    expect(await failureOf(resolveTarget(new URL(url), NONE))).toBe(WebhookFailure.REFUSED_TARGET);
  });

  test('refuses a name that resolves to loopback (localhost)', async () => {
    expect(await failureOf(resolveTarget(new URL('http://localhost:8080/'), NONE))).toBe(WebhookFailure.REFUSED_TARGET);
  });

  test('refuses a name any of whose addresses is not public', async () => {
    const lookup = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    expect(await failureOf(resolveTarget(new URL('https://erp.example/'), NONE, lookup))).toBe(
      WebhookFailure.REFUSED_TARGET,
    );
  });

  test('checks the answer DNS gives now: a name that rebinds to loopback after passing once is refused', async () => {
    const answers = ['93.184.215.14', '127.0.0.1'];
    const lookup = async () => [{ address: answers.shift()!, family: 4 }];
    const url = new URL('https://erp.example/hook');
    expect(await resolveTarget(url, NONE, lookup)).toEqual({ address: '93.184.215.14', family: 4 });
    expect(await failureOf(resolveTarget(url, NONE, lookup))).toBe(WebhookFailure.REFUSED_TARGET);
  });

  test('an unresolvable name is UNREACHABLE, with no DNS error text', async () => {
    const lookup = async () => {
      throw new Error('getaddrinfo ENOTFOUND erp.internal');
    };
    expect(await failureOf(resolveTarget(new URL('https://erp.internal/'), NONE, lookup))).toBe(
      WebhookFailure.UNREACHABLE,
    );
  });

  test('the allow-list lets an intranet ERP through, by address range or by host name, and nothing else', async () => {
    const byCidr = targetPolicy({ webhookAllowHosts: [], webhookAllowCidrs: ['10.20.0.0/16'] });
    expect(await resolveTarget(new URL('http://10.20.3.4:8443/erp'), byCidr)).toEqual({
      address: '10.20.3.4',
      family: 4,
    });
    expect(await failureOf(resolveTarget(new URL('http://10.21.0.1/'), byCidr))).toBe(WebhookFailure.REFUSED_TARGET);
    const byHost = targetPolicy({ webhookAllowHosts: ['ERP.corp.local'], webhookAllowCidrs: [] });
    const lookup = async () => [{ address: '192.168.7.7', family: 4 }];
    expect(await resolveTarget(new URL('https://erp.corp.local/'), byHost, lookup)).toEqual({
      address: '192.168.7.7',
      family: 4,
    });
    expect(await failureOf(resolveTarget(new URL('https://other.corp.local/'), byHost, lookup))).toBe(
      WebhookFailure.REFUSED_TARGET,
    );
  });
});

describe('postPinned', () => {
  test('connects to the checked address whatever the name resolves to now', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      // a name DNS cannot answer at all: only the pinned address makes the connection possible
      const status = await postPinned(
        new URL(`http://erp.medchannel.invalid:${port}/hook`),
        { address: '127.0.0.1', family: 4 },
        '{}',
        {},
        2000,
      );
      expect(status).toBe(204);
      expect(hits).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a receiver that does not answer in time is a TIMEOUT', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      expect(
        await failureOf(
          postPinned(new URL(`http://127.0.0.1:${port}/`), { address: '127.0.0.1', family: 4 }, '{}', {}, 200),
        ),
      ).toBe(WebhookFailure.TIMEOUT);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
