import { isIP } from 'node:net';

/**
 * IP addresses as bytes and CIDR ranges over them: what the webhook's target check and the
 * config's allow-lists share. IPv4 lives in its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so one
 * range test serves both families and a mapped address is judged as the IPv4 it carries.
 */
export interface Cidr {
  bytes: Uint8Array;
  prefix: number;
  text: string;
}

function v4Bytes(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.map(Number);
}

/** 16 bytes for an IPv4 or IPv6 address (IPv4 as ::ffff:a.b.c.d), or null when it is not one. */
export function ipBytes(address: string): Uint8Array | null {
  const text = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(text);
  if (family === 4) return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4Bytes(text)!]);
  if (family !== 6) return null;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const groups = (s: string): number[] => {
    if (!s) return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (g.includes('.')) {
        const v4 = v4Bytes(g)!;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = groups(head);
  const t = tail === null ? [] : groups(tail);
  const all = tail === null ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

/** A range such as 10.0.0.0/8, fd00::/8 or a single address; an IPv4 prefix counts within the mapped form. */
export function parseCidr(text: string): Cidr | null {
  const [addr, len, ...rest] = text.trim().split('/');
  if (rest.length) return null;
  const bytes = ipBytes(addr);
  if (!bytes) return null;
  const v4 = isIP(addr) === 4;
  const max = v4 ? 32 : 128;
  const prefix = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { bytes, prefix: v4 ? prefix + 96 : prefix, text: text.trim() };
}

export function inCidr(bytes: Uint8Array, range: Cidr): boolean {
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const take = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (range.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

const cidrs = (list: string[]): Cidr[] => list.map((c) => parseCidr(c)!);

/**
 * Addresses a server-side request must not reach unless explicitly allowed: this host, private
 * networks, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254), carrier NAT,
 * documentation and benchmark nets, multicast and reserved space.
 */
const NOT_PUBLIC = cidrs([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '64:ff9b:1::/48',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
]);
// IPv6 forms that carry an IPv4 address: judged by the IPv4 inside.
const NAT64 = parseCidr('64:ff9b::/96')!;
const SIX_TO_FOUR = parseCidr('2002::/16')!;
const V4_COMPATIBLE = parseCidr('::/96')!;

function embeddedV4(bytes: Uint8Array): Uint8Array | null {
  const mapped = (v4: ArrayLike<number>) =>
    Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...Array.from(v4)]);
  if (inCidr(bytes, NAT64) || inCidr(bytes, V4_COMPATIBLE)) return mapped(bytes.slice(12));
  if (inCidr(bytes, SIX_TO_FOUR)) return mapped(bytes.slice(2, 6));
  return null;
}

/** True when the address is not a public unicast one (or is not an address at all). */
export function isNonPublic(address: string): boolean {
  const bytes = ipBytes(address);
  if (!bytes) return true;
  const inner = embeddedV4(bytes);
  return NOT_PUBLIC.some((r) => inCidr(bytes, r)) || (inner !== null && NOT_PUBLIC.some((r) => inCidr(inner, r)));
}
