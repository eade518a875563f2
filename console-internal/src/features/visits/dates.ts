import dayjs, { type Dayjs } from 'dayjs';
import { useFormat } from '@medchannel/web-shared';

// Visits happen at Chinese hospitals and the API counts their days in China time (myCoVisits'
// from/to), so the visit pages show and take times in China time whatever the browser's zone:
// a laptop set to another zone still sees a 10:00 visit at 10:00, on its day.
export const CHINA_TZ = 'Asia/Shanghai';
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: CHINA_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The China day (YYYY-MM-DD) of an instant. */
export const chinaDay = (at: string | Date) => DAY.format(new Date(at));
/** The China time of day (HH:mm) of an instant. */
export const hhmm = (at: string) => TIME.format(new Date(at));
/** A China day and time of day (HH:mm) as an instant (China keeps +08:00 all year). */
export const chinaInstant = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
/** Today in China, as a date for pickers and the calendar. */
export const chinaToday = () => dayjs(chinaDay(new Date()));

/** Monday of the week that holds `day` (weeks start on Monday in China, whatever the locale). */
export function mondayOf(day: Dayjs): Dayjs {
  return day.startOf('day').subtract((day.day() + 6) % 7, 'day');
}

export const isoDate = (day: Dayjs) => day.format('YYYY-MM-DD');

/** The week in the URL (`?week=YYYY-MM-DD`, any day of it), else this week in China. */
export function weekFrom(param: string | null): Dayjs {
  const day = param ? dayjs(param, 'YYYY-MM-DD', true) : chinaToday();
  return mondayOf(day.isValid() ? day : chinaToday());
}

/** Date and time of an instant in the reader's language, in China time (and saying so): the shared formatter's. */
export function useVisitTime() {
  const { dateTime } = useFormat();
  return { dateTime };
}
