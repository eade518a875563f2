import { addDays, today } from '../../common/dates';
import { seedCalendar } from './seed-clock';

// The seed's calendar at the instants where a calendar bug shows: the first minutes of a month and
// of a year, the last minute of a month, a leap day; and then every day of three years at 00:05 and
// 23:59 China time. Pure arithmetic: no clock, no database.
const china = (local: string) => new Date(`${local}+08:00`);
const EDGES = [
  '2026-12-01T00:05:00',
  '2026-11-30T23:59:00',
  '2026-12-31T23:59:00',
  '2027-01-01T00:01:00',
  '2028-02-29T12:00:00',
  '2028-03-01T00:00:00',
  '2027-03-01T00:00:30',
  '2026-12-02T09:47:00',
].map(china);
const EVERY_DAY = Array.from({ length: 3 * 366 }, (_, i) => addDays('2026-01-01', i)).flatMap((d) => [
  china(`${d}T00:05:00`),
  china(`${d}T23:59:00`),
]);

test.each(EDGES.map((anchor) => [anchor.toISOString(), anchor]))(
  'at %s: last month’s facts in last month, this month’s in this month, carried-over balances before both',
  (_, anchor) => {
    const cal = seedCalendar(anchor);
    expect(cal.today).toBe(today(anchor));
    expect(cal.lastMonth < cal.thisMonth).toBe(true);
    for (const day of [1, 6, 9, 12, 18, 21, 25, 28]) expect(cal.lastMonthDay(day).slice(0, 7)).toBe(cal.lastMonth);
    expect(cal.carriedOverOn < `${cal.lastMonth}-01`).toBe(true);
    expect(addDays(cal.carriedOverOn, 1)).toBe(`${cal.lastMonth}-01`);
    for (const back of [0, 1, 2, 6, 12, 40]) {
      const on = cal.thisMonthDay(back);
      expect(on.slice(0, 7)).toBe(cal.thisMonth);
      expect(on <= cal.today).toBe(true);
    }
    expect(cal.lastOfThisMonth.slice(0, 7)).toBe(cal.thisMonth);
    expect(addDays(cal.lastOfThisMonth, 1).slice(8)).toBe('01');
  },
);

test('a fact of today is never after the anchor, stays on its day and keeps its order; earlier days keep their clock time', () => {
  for (const anchor of [...EDGES, ...EVERY_DAY]) {
    const cal = seedCalendar(anchor);
    const times = [0, 90, 180].map((m) => cal.factAt(cal.today, '10:00', m));
    for (const t of times) {
      expect(t.getTime()).toBeLessThanOrEqual(anchor.getTime());
      expect(today(t)).toBe(cal.today);
    }
    expect(times[0].getTime()).toBeLessThanOrEqual(times[1].getTime());
    expect(times[1].getTime()).toBeLessThanOrEqual(times[2].getTime());
    const yesterday = cal.factAt(cal.fromToday(-1), '17:00');
    expect(yesterday.toISOString()).toBe(new Date(`${cal.fromToday(-1)}T17:00:00+08:00`).toISOString());
    // the shipped order's day and every statement month hold at the month's edges too
    expect(cal.thisMonthDay(6).slice(0, 7)).toBe(cal.thisMonth);
    expect(cal.lastMonthDay(25).slice(0, 7)).toBe(cal.lastMonth);
  }
  expect(() => seedCalendar(EDGES[0]).factAt(addDays(seedCalendar(EDGES[0]).today, 1), '10:00')).toThrow();
});
