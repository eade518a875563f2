/** The month before `now`'s on the business calendar (China, UTC+8), YYYY-MM. */
export function monthBefore(now = new Date()): string {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const first = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}
