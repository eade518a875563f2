import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '@medchannel/shared-schema';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The window every calendar date of the business lies in: no payment of 1900, no validity until 9999. */
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2100-12-31';

function parse(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new GraphQLError('A date is written YYYY-MM-DD', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  if (value < FIRST_DATE || value > LAST_DATE) {
    throw new GraphQLError(`A date lies between ${FIRST_DATE} and ${LAST_DATE}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return value;
}

/** A calendar date (validity periods, effective dates): no time, no time zone. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Today in China (the business calendar), as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same day n months later (clamped to the month's end: Jan 31 + 1 month is Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A month's (YYYY-MM) first and last day. */
export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}
