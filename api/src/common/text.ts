const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text the database can store and a person can read: no NUL (PostgreSQL refuses it in text,
 * "invalid byte sequence") and no lone UTF-16 surrogate (half a character; it cannot be encoded
 * as UTF-8).
 */
export function isCleanText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}
