const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The month before `now`'s on the business calendar (China, UTC+8), YYYY-MM. */
export function monthBefore(now = new Date()): string {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const first = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

/** `now`'s day on the business calendar (China, UTC+8), YYYY-MM-DD. */
export function chinaDay(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The day the demo was seeded on (China). The seed dates its data from that day; a run that starts before China's
 * midnight and goes on after it sees "today" move on while the seeded days stay. With E2E_API_URL (an API started
 * by hand), the seed's day is taken to be today unless E2E_SEED_DAY says otherwise.
 */
function seedDay(): string {
  return process.env.E2E_SEED_DAY ?? chinaDay();
}

/** YYYY-MM-DD, `days` after the seed's day. */
export function seedDayPlus(days: number): string {
  return new Date(Date.parse(`${seedDay()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from the seed's day to today (China): 0 unless the run crossed China's midnight. */
export function daysSinceSeed(now = new Date()): number {
  return Math.round((Date.parse(`${chinaDay(now)}T00:00:00Z`) - Date.parse(`${seedDay()}T00:00:00Z`)) / DAY_MS);
}
