import 'reflect-metadata';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ErrorCode, ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { checkExportSize, listFilterOf } from './export-query';

/** A list's filter input as the modules write them (the orders' OrderFilter, in short). */
class OrderFilter {
  @IsOptional()
  @IsEnum(OrderStatus, { each: true })
  statuses?: OrderStatus[] | null;

  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number | null;

  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @IsOptional()
  from?: string | null;
}

const ORDER = {
  q: { field: 'search' },
  status: { field: 'statuses', kind: 'list' },
  distributor: { field: 'distributorId' },
  age: { field: 'minAgeDays', kind: 'int' },
} as const;
const ID = '0000000d-0000-4000-8000-000000000001';

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { extensions: Record<string, unknown> }) => e.extensions,
  );

test('URL names fill the list input’s fields, lists split on commas, numbers read, unknown names ignored', async () => {
  const f = await listFilterOf(
    { q: '康达', status: 'SUBMITTED,APPROVED', distributor: ID, age: '7', page: '3', after: 'x' },
    OrderFilter,
    ORDER,
  );
  expect(f).toBeInstanceOf(OrderFilter);
  expect({ ...f }).toEqual({
    search: '康达',
    statuses: [OrderStatus.SUBMITTED, OrderStatus.APPROVED],
    distributorId: ID,
    minAgeDays: 7,
  });
  // empty is no filter
  expect({ ...(await listFilterOf({ q: '', status: '' }, OrderFilter, ORDER)) }).toEqual({});
});

test('a value the list input refuses answers BAD_USER_INPUT naming the URL’s parameter', async () => {
  for (const [query, field] of [
    [{ status: 'SUBMITTED,NOPE' }, 'status'],
    [{ age: '7.5' }, 'age'],
    [{ age: '99999' }, 'age'],
    [{ distributor: 'abc' }, 'distributor'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ q: 'x'.repeat(101) }, 'q'],
  ] as const) {
    expect([query, await refusal(listFilterOf(query, OrderFilter, ORDER))]).toEqual([
      query,
      { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALIDATION_FAILED, field },
    ]);
  }
  const dates = { from: { field: 'from', kind: 'date' } } as const;
  expect(await refusal(listFilterOf({ from: '2026-3-1' }, OrderFilter, dates))).toMatchObject({ field: 'from' });
  expect({ ...(await listFilterOf({ from: '2026-03-01' }, OrderFilter, dates)) }).toEqual({ from: '2026-03-01' });
});

test('the row limit: at it the export goes, past it TOO_MANY_ROWS with the limit', () => {
  expect(() => checkExportSize(10, 10)).not.toThrow();
  expect(() => checkExportSize(11, 10)).toThrow(
    expect.objectContaining({
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.TOO_MANY_ROWS, limit: 10 },
    }),
  );
});
