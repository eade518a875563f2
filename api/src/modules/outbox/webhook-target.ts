import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { WebhookFailure } from '@medchannel/shared-schema';
import { Cidr, inCidr, ipBytes, isNonPublic, parseCidr } from '../../common/ip-ranges';

/**
 * Where a webhook may be sent. The brand admin chooses the URL, and the server sends it: without
 * this check the webhook is a way into the server's own network (127.0.0.1:5432, the cloud's
 * metadata at 169.254.169.254, an intranet). A target must resolve to public addresses only —
 * unless its host name or address range is allow-listed in config (a brand whose ERP lives on an
 * intranet). The check runs when the URL is set and before every delivery, and the connection
 * goes to the very address that was checked, so a DNS answer that changes in between (rebinding)
 * reaches nothing new. Redirects are not followed.
 */
export interface TargetPolicy {
  allowHosts: string[];
  allowCidrs: Cidr[];
}

export function targetPolicy(config: { webhookAllowHosts: string[]; webhookAllowCidrs: string[] }): TargetPolicy {
  return {
    allowHosts: config.webhookAllowHosts.map((h) => h.toLowerCase()),
    allowCidrs: config.webhookAllowCidrs.map((c) => parseCidr(c)!),
  };
}

export class TargetError extends Error {
  constructor(readonly failure: WebhookFailure) {
    super(failure);
  }
}

export interface PinnedTarget {
  address: string;
  family: 4 | 6;
}

type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;
const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Resolves the URL's host and answers the address to connect to, or throws REFUSED_TARGET / UNREACHABLE. */
export async function resolveTarget(
  url: URL,
  policy: TargetPolicy,
  lookup: Lookup = systemLookup,
): Promise<PinnedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetError(WebhookFailure.REFUSED_TARGET);
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host);
    } catch {
      throw new TargetError(WebhookFailure.UNREACHABLE);
    }
  }
  if (!addresses.length) throw new TargetError(WebhookFailure.UNREACHABLE);
  const hostAllowed = policy.allowHosts.includes(host);
  const allowed = (address: string) => {
    if (hostAllowed || !isNonPublic(address)) return true;
    const bytes = ipBytes(address);
    return bytes !== null && policy.allowCidrs.some((r) => inCidr(bytes, r));
  };
  // every address the name has must pass: a name with one public and one private answer is refused
  if (!addresses.every((a) => allowed(a.address))) throw new TargetError(WebhookFailure.REFUSED_TARGET);
  return { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

/** The coarse kind of an HTTP answer that is not a success: all the delivery log keeps of it. */
export function failureOfStatus(status: number): WebhookFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return WebhookFailure.REDIRECT_NOT_FOLLOWED;
  if (status >= 400 && status < 500) return WebhookFailure.HTTP_4XX;
  if (status >= 500 && status < 600) return WebhookFailure.HTTP_5XX;
  return WebhookFailure.UNREACHABLE;
}

/**
 * POSTs to the URL at the pinned address (TLS still checks the certificate against the host
 * name) and answers the status; the answer's body is read and dropped. Socket errors become
 * TIMEOUT or UNREACHABLE, never their text.
 */
export async function postPinned(
  url: URL,
  target: PinnedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return (await postPinnedReading(url, target, body, headers, timeoutMs, 0)).status;
}

/**
 * As postPinned, and answers the first `keep` bytes of the answer's body as well (a group robot
 * says whether it took the message in its body, under a 200).
 */
export function postPinnedReading(
  url: URL,
  target: PinnedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  keep = 4096,
): Promise<{ status: number; body: string }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal,
        // the checked address, whatever DNS says now
        lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          options.all
            ? cb(null, [{ address: target.address, family: target.family }])
            : cb(null, target.address, target.family)) as never,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept >= keep) return;
          chunks.push(chunk.subarray(0, keep - kept));
          kept += Math.min(chunk.length, keep - kept);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () =>
          reject(new TargetError(signal.aborted ? WebhookFailure.TIMEOUT : WebhookFailure.UNREACHABLE)),
        );
      },
    );
    req.on('error', () =>
      reject(new TargetError(signal.aborted ? WebhookFailure.TIMEOUT : WebhookFailure.UNREACHABLE)),
    );
    req.end(body);
  });
}
