import { useFormat } from '@medchannel/web-shared';

/** How long a slot lasts, in hours to one decimal. */
export const hoursBetween = (from: string, to: string) =>
  Math.round((new Date(to).getTime() - new Date(from).getTime()) / 360_000) / 10;

/**
 * A visit's time as the hospital's clock shows it (China time, as offered and as the slot form
 * takes it), whatever zone the phone is set to.
 */
export function useVisitTime(): (iso: string | null | undefined) => string {
  return useFormat().dateTime;
}
