/**
 * Preloaded (node -r) into the API only while the bench captures SQL: every statement the API
 * sends through pg is appended to BENCH_CAPTURE_FILE as one JSON line, before it is sent. The
 * measured API runs without it.
 */
import { appendFileSync } from 'node:fs';
import { Client } from 'pg';

const file = process.env.BENCH_CAPTURE_FILE;
if (file) {
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: unknown }).query = function query(this: Client, ...args: unknown[]) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text?: string })?.text;
    const values = Array.isArray(second) ? second : (first as { values?: unknown[] })?.values;
    if (text) appendFileSync(file, JSON.stringify({ text, values: values ?? [] }) + '\n');
    return original.apply(this, args);
  };
}
