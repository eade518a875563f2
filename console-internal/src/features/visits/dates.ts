import dayjs, { type Dayjs } from 'dayjs';

/** Monday of the week that holds `day` (weeks start on Monday in China, whatever the locale). */
export function mondayOf(day: Dayjs): Dayjs {
  return day.startOf('day').subtract((day.day() + 6) % 7, 'day');
}

export const isoDate = (day: Dayjs) => day.format('YYYY-MM-DD');

/** The week in the URL (`?week=YYYY-MM-DD`, any day of it), else this week. */
export function weekFrom(param: string | null): Dayjs {
  const day = param ? dayjs(param, 'YYYY-MM-DD', true) : dayjs();
  return mondayOf(day.isValid() ? day : dayjs());
}

export const hhmm = (iso: string) => dayjs(iso).format('HH:mm');
