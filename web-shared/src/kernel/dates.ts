/**
 * Days as the API keeps them: YYYY-MM-DD on the business calendar, China time (UTC+8 all year),
 * so a browser in another zone still dates a visit, a payment or a closed month the way the server
 * does. Every helper here answers a string: a day `YYYY-MM-DD`, a month `YYYY-MM`, a time `HH:mm`
 * or an ISO instant. A picker turns a day into its own value with `dayjs(day)` where it needs one.
 * Showing dates and times in the reader's language is `useFormat()`.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: CHINA_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The China day (YYYY-MM-DD) of an instant. */
export const chinaDay = (at: string | Date): string => DAY.format(new Date(at));

/** Today in China, YYYY-MM-DD. */
export const chinaToday = (now: Date = new Date()): string => chinaDay(now);

/** The China time of day (HH:mm) of an instant. */
export const chinaTime = (at: string | Date): string => TIME.format(new Date(at));

/** A China day and a time of day (HH:mm) as the instant the API takes (ISO, UTC). */
export const chinaInstant = (day: string, time: string): string => new Date(`${day}T${time}:00+08:00`).toISOString();

/** A day moved by whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the day's week (weeks run Monday to Sunday in China, whatever the locale). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The month still running in China, YYYY-MM. */
export const chinaMonth = (now?: Date): string => chinaToday(now).slice(0, 7);

/** A strict YYYY-MM-DD day, or null. */
export function parseDay(text: string | null | undefined): string | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const at = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== text ? null : text;
}
