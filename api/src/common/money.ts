import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '@medchannel/shared-schema';

/** Up to 16 integer digits and 2 decimals: what numeric(18,2) holds. */
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

export { Decimal };

/** "1280.50", "-0.05", "0.00": what numeric(18,2) answers and toFixed(2) would give back unchanged. */
const CANONICAL = /^-?(?:0|[1-9]\d{0,15})\.\d{2}$/;

/**
 * An amount as a string with exactly 2 decimals, as `new Decimal(value).toFixed(2)` gives it.
 * Amounts read from the database already are: they pass through without a Decimal (money is
 * serialized on every field of every list, and the Decimal was a visible share of a request).
 */
/** Whether a string is an amount exactly as fixed2 gives it (e.g. a cursor's amount, checked before SQL reads it). */
export function isFixed2(value: unknown): value is string {
  return typeof value === 'string' && CANONICAL.test(value);
}

export function fixed2(value: string | Decimal): string {
  return typeof value === 'string' && CANONICAL.test(value) && value !== '-0.00'
    ? value
    : new Decimal(value).toFixed(2);
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new GraphQLError('A decimal amount is a string such as "1280.50" (at most 2 decimals)', {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return new Decimal(value).toFixed(2);
}

/**
 * Exact decimal amounts travel as strings ("1280.50") and are computed with decimal.js; a Float
 * never carries money.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount as a string with at most 2 decimals, e.g. "1280.50"',
  serialize: (value) => fixed2(value as string),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
