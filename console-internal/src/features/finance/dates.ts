// Calendar dates as the API keeps them: YYYY-MM-DD on the business calendar (China, UTC+8), so a
// browser in another zone still dates a payment, a due day or a closed month the way the server does.

const DAY_MS = 86_400_000;

/** Today in China, YYYY-MM-DD. */
export function businessToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the date's week (weeks run Monday to Sunday, as Chinese calendars print them). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The month still running, YYYY-MM: statements are for months before it. */
export function currentPeriod(now?: Date): string {
  return businessToday(now).slice(0, 7);
}

/** The last closed month, YYYY-MM. */
export function lastClosedPeriod(now?: Date): string {
  return addDays(`${currentPeriod(now)}-01`, -1).slice(0, 7);
}
