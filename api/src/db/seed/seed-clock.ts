import { addDays, today } from '../../common/dates';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The start of a China calendar day, as an instant. */
const chinaDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);

/** YYYY-MM of the month before the one containing `day`. */
const monthBefore = (day: string) => addDays(`${day.slice(0, 7)}-01`, -1).slice(0, 7);

/**
 * The demo's calendar. Every date and time the seed writes is a function of one instant, the
 * anchor (when the seed runs), read in China time (the business calendar, UTC+8):
 * - last month's business (the statements the seed issues) sits on fixed days of last month;
 * - balances carried over sit in the month before last, so they open last month's statement;
 * - this month's business sits `n` days back but never before the 1st, so it stays off last month's statement;
 * - a fact's time is never after the anchor (today's facts are spread over the part of today already gone).
 * Tests compute their expectations from the same calendar (the anchor is when the brands were created).
 */
export interface SeedCalendar {
  anchor: Date;
  /** the anchor's China date, YYYY-MM-DD */
  today: string;
  /** YYYY-MM of the anchor's month */
  thisMonth: string;
  /** YYYY-MM: the month whose statements the seed issues */
  lastMonth: string;
  /** the first of this month */
  firstOfThisMonth: string;
  /** the last day of this month */
  lastOfThisMonth: string;
  /** the last day of the month before last: where balances carried over from before the system sit */
  carriedOverOn: string;
  /** a fixed day (1–28) of last month */
  lastMonthDay(day: number): string;
  /** `daysAgo` days before today, but not before the 1st of this month */
  thisMonthDay(daysAgo: number): string;
  /** `offset` days from today (validity periods, due dates: relative to today, month-blind) */
  fromToday(offset: number): string;
  /** A fact's moment: `day` at `hhmm` China time plus `minutes`; on the anchor's own day, scaled into the part of the day already gone. */
  factAt(day: string, hhmm: string, minutes?: number): Date;
  /** A planned moment (an appointment): `day` at `hhmm` China time, future or past. */
  plannedAt(day: string, hhmm: string): Date;
}

export function seedCalendar(anchor: Date = new Date()): SeedCalendar {
  const day = today(anchor);
  const firstOfThisMonth = `${day.slice(0, 7)}-01`;
  const lastMonth = monthBefore(day);
  const nextMonthFirst = addDays(firstOfThisMonth, 32).slice(0, 7) + '-01';
  const plannedAt = (on: string, hhmm: string) => new Date(`${on}T${hhmm}:00+08:00`);
  return {
    anchor,
    today: day,
    thisMonth: day.slice(0, 7),
    lastMonth,
    firstOfThisMonth,
    lastOfThisMonth: addDays(nextMonthFirst, -1),
    carriedOverOn: addDays(`${lastMonth}-01`, -1),
    lastMonthDay: (n: number) => {
      if (!Number.isInteger(n) || n < 1 || n > 28) throw new Error(`a fixed day of last month is 1–28, not ${n}`);
      return `${lastMonth}-${String(n).padStart(2, '0')}`;
    },
    thisMonthDay: (daysAgo: number) => {
      const on = addDays(day, -daysAgo);
      return on < firstOfThisMonth ? firstOfThisMonth : on;
    },
    fromToday: (offset: number) => addDays(day, offset),
    factAt: (on: string, hhmm: string, minutes = 0) => {
      if (on > day) throw new Error(`a seeded fact on ${on} would be after the seed's day ${day}`);
      const planned = plannedAt(on, hhmm).getTime() + minutes * 60_000;
      if (on < day) return new Date(planned);
      const start = chinaDayStart(on).getTime();
      const fraction = Math.min(Math.max((planned - start) / DAY_MS, 0), 1);
      return new Date(start + Math.floor((anchor.getTime() - start) * fraction));
    },
    plannedAt,
  };
}
