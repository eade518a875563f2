import { useFormat } from '@medchannel/web-shared';

/** Today in China (the API's calendar days are China time), as YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A YYYY-MM-DD day moved by whole days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The weeks ahead the visits tab lists (and the home page counts plans awaiting an answer in): today and 55 days on. */
export function upcomingDays(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 55) };
}

/** A day and a wall-clock time in China, as the instant the API takes. */
export const chinaInstant = (day: string, time: string) => `${day}T${time}:00+08:00`;

/** How long a slot lasts, in hours to one decimal. */
export const hoursBetween = (from: string, to: string) => Math.round((new Date(to).getTime() - new Date(from).getTime()) / 360_000) / 10;

/**
 * A visit's time as the hospital's clock shows it (China time, as offered and as the slot form
 * takes it), whatever zone the phone is set to.
 */
export function useVisitTime(): (iso: string | null | undefined) => string {
  return useFormat().dateTime;
}
