import { addDays } from '@medchannel/web-shared/kernel';

/** The weeks ahead the visits tab lists (and the home page counts plans awaiting an answer in): today and 55 days on. */
export function upcomingDays(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 55) };
}
