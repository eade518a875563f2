import { validate, type ValidationError } from 'class-validator';
import { AppError, ErrorCode, ErrorReason, badInput } from './errors';
import { isIsoDate } from './dates';

/**
 * A list's filters from a query string, for the spreadsheet exports: each screen keeps its filters
 * in its URL (`?q=…&status=A,B&region=…`), the export link carries the same names, and this reads
 * them into the very input class the screen's GraphQL list takes, checked by the same
 * class-validator rules (as build-schema.ts runs them). A bad value answers BAD_USER_INPUT naming
 * the URL's parameter; parameters the list does not know (a page, a tab) are ignored.
 */
type ParamKind = 'text' | 'int' | 'list' | 'date';

/** A URL parameter: the input field it fills, and how its text reads (text when left out). */
export interface ParamSpec<T> {
  field: keyof T & string;
  kind?: ParamKind;
}

const VALIDATOR_OPTIONS = { forbidUnknownValues: false, skipMissingProperties: true };

function valueOf(name: string, raw: string, kind: ParamKind): unknown {
  switch (kind) {
    case 'int':
      if (!/^-?\d{1,9}$/.test(raw)) throw badInput(name, 'Not a whole number');
      return Number(raw);
    case 'list':
      return raw.split(',').filter(Boolean);
    case 'date':
      if (!isIsoDate(raw)) throw badInput(name, 'Not a date (YYYY-MM-DD)');
      return raw;
    default:
      return raw;
  }
}

export async function listFilterOf<T extends object>(
  query: Record<string, unknown>,
  Input: new () => T,
  params: Record<string, ParamSpec<T>>,
  defaults: Partial<T> = {},
): Promise<T> {
  const input = Object.assign(new Input(), defaults) as Record<string, unknown>;
  const urlName = new Map<string, string>();
  for (const [name, spec] of Object.entries(params)) {
    urlName.set(spec.field, name);
    const raw = query[name];
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') throw badInput(name, 'Given more than once');
    input[spec.field] = valueOf(name, raw, spec.kind ?? 'text');
  }
  const errors: ValidationError[] = await validate(input, VALIDATOR_OPTIONS);
  if (errors.length) {
    const first = errors[0];
    throw badInput(
      urlName.get(first.property) ?? first.property,
      Object.values(first.constraints ?? {})[0] ?? 'Invalid',
    );
  }
  return input as T;
}

/**
 * Refuses an export of more than `limit` rows (config MAX_EXPORT_ROWS): BAD_USER_INPUT,
 * TOO_MANY_ROWS, with the limit; the viewer narrows the filters, never gets a silently cut file.
 */
export function checkExportSize(count: number, limit: number): void {
  if (count > limit)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `The export would hold more than ${limit} rows: narrow the filters`,
      undefined,
      ErrorReason.TOO_MANY_ROWS,
      { limit },
    );
}

/** Excel formats of the exports' cells: money as a number to two places (a sheet sums it), a moment as a date. */
export const MONEY_FORMAT = '#,##0.00';
export const MOMENT_FORMAT = 'yyyy-mm-dd hh:mm';

/** An exact decimal amount as the number Excel keeps (two places survive a double, as in the statement export). */
export const sheetMoney = (amount: string): number => Number(amount);

/** A moment as a date cell showing China's wall clock (Excel's dates have no time zone). */
export const sheetMoment = (at: Date): Date => new Date(at.getTime() + 8 * 3600_000);
