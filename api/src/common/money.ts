import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '@medchannel/shared-schema';

/** Up to 16 integer digits and 2 decimals: what numeric(18,2) holds. */
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

export { Decimal };

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
  serialize: (value) => new Decimal(value as string).toFixed(2),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export type Currency = (typeof CURRENCIES)[number];
