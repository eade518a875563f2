import { ErrorCode } from '@medchannel/shared-schema';
import { AppError } from '../../common/errors';
import { checkBands, quarterOfMonth, quarterSellIn, rebateDifference, rebateFor } from './rebate.bands';

const BANDS = [
  { threshold: '1.2', rate: '0.03' },
  { threshold: '0.8', rate: '0.01' },
  { threshold: '1', rate: '0.02' },
];

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'no error';
};

describe('rebate bands', () => {
  it('reaches a band exactly at its threshold, not a cent below', () => {
    // quarter amount 1000.01: 80% is 800.008, so 800.00 is below and 800.01 reaches
    expect(rebateFor(BANDS, '1000.01', '800.00')).toEqual({
      attainment: '0.7999',
      band: null,
      rebate: '0.00',
      nextBand: { threshold: '0.8000', rate: '0.0100' },
      moreToNext: '0.01',
    });
    expect(rebateFor(BANDS, '1000.01', '800.01').band).toEqual({ threshold: '0.8000', rate: '0.0100' });
    expect(rebateFor(BANDS, '1000.00', '999.99')).toMatchObject({ rebate: '10.00', moreToNext: '0.01' });
    expect(rebateFor(BANDS, '1000.00', '1000.00')).toMatchObject({
      attainment: '1.0000',
      band: { rate: '0.0200' },
      rebate: '20.00',
      nextBand: { threshold: '1.2000' },
      moreToNext: '200.00',
    });
  });

  it('pays the top band on the whole sell-in and has no next band past it', () => {
    expect(rebateFor(BANDS, '1000.00', '1500.55')).toEqual({
      attainment: '1.5005',
      band: { threshold: '1.2000', rate: '0.0300' },
      rebate: '45.02', // 45.0165 half up
      nextBand: null,
      moreToNext: null,
    });
  });

  it('says exactly how much more sell-in reaches the next band', () => {
    // 120% of 333.33 is 399.996: 400.00 is needed, 150.00 is sold
    expect(rebateFor(BANDS, '333.33', '333.33').moreToNext).toBe('66.67');
    expect(rebateFor(BANDS, '333.33', '150.00').moreToNext).toBe('116.67'); // 266.664 → 266.67
    expect(rebateFor(BANDS, '0.00', '150.00')).toMatchObject({ band: null, rebate: '0.00', moreToNext: null });
  });

  it('refuses bands that cannot be a policy', () => {
    expect(codeOf(() => checkBands([]))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkBands([{ threshold: '0', rate: '0.01' }]))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkBands([{ threshold: '1', rate: '1.5' }]))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => checkBands([{ threshold: '1', rate: '0.1e1' }]))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(
      codeOf(() =>
        checkBands([
          { threshold: '1', rate: '0.02' },
          { threshold: '1.0', rate: '0.03' },
        ]),
      ),
    ).toBe(ErrorCode.BAD_USER_INPUT);
    expect(
      codeOf(() =>
        checkBands([
          { threshold: '0.8', rate: '0.02' },
          { threshold: '1', rate: '0.01' },
        ]),
      ),
    ).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it("sums a quarter's sell-in from the target's monthly progress", () => {
    const months = [
      { targetId: 't1', month: '2026-03', amount: '100.10' },
      { targetId: 't1', month: '2026-04', amount: '200.20' },
      { targetId: 't1', month: '2026-06', amount: '0.05' },
      { targetId: 't1', month: '2026-07', amount: '999.00' },
      { targetId: 't2', month: '2026-05', amount: '7.00' },
    ];
    expect([1, 4, 6, 7, 12].map((m) => quarterOfMonth(`2026-${String(m).padStart(2, '0')}`))).toEqual([1, 2, 2, 3, 4]);
    expect(quarterSellIn(months, 't1', 2)).toBe('200.25');
    expect(quarterSellIn(months, 't1', 4)).toBe('0.00');
  });

  it('posts only the difference after a recomputation, and nothing when unchanged', () => {
    expect(rebateDifference('20.00', [])).toBe('20.00');
    expect(rebateDifference('20.00', ['20.00'])).toBe('0.00');
    expect(rebateDifference('30.00', ['20.00'])).toBe('10.00');
    expect(rebateDifference('10.00', ['20.00', '-5.00'])).toBe('-5.00');
  });
});
