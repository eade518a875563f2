import { createHmac, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/**
 * A printed document's verification code (a training certificate, an authorization letter): the
 * first 50 bits of an HMAC of what the document is (`subject`) under the server's secret, as 10
 * base32 characters in two groups (`7K3QD-9XW2M`). The same document always has the same code;
 * without the secret no code can be made for it.
 */
export function verificationCode(secret: string, subject: string): string {
  const mac = createHmac('sha256', secret).update(subject).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n; // 56 bits read, 50 kept
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What a person typed, as the code's characters: case, spaces and dashes dropped, O read as 0, I and L as 1. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Whether the typed code is the document's, compared in constant time. */
export function codeMatches(secret: string, subject: string, typed: string): boolean {
  const expected = Buffer.from(normalizeCode(verificationCode(secret, subject)));
  const given = Buffer.from(normalizeCode(typed));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A training certificate's subject: its id and number. */
export const certificateSubject = (cert: { id: string; number: string }) => `certificate:${cert.id}:${cert.number}`;
