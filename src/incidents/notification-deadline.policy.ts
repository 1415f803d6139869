import type { HolidayCalendar } from './kz-holidays.data.js';

/** Kazakhstan keeps one time zone, UTC+5 without daylight saving, since 1 March 2024. */
const KZ_OFFSET_MS = 5 * 3_600_000;
const DAY_MS = 86_400_000;

export interface NotificationDeadline {
  /** The end (24:00 Kazakhstan time) of the first business day after the day the incident was opened. */
  readonly notifyBy: Date;
  /** False when a day counted lies in a year the calendar does not list: weekends alone were skipped, so the deadline is early, never late. */
  readonly calendarCovered: boolean;
}

const isoDay = (kzMidnight: number) => new Date(kzMidnight).toISOString().slice(0, 10);

/**
 * Law 94-V: a breach is reported to the authority within one business day. Business days are Monday to Friday, less the days off
 * the calendar lists; days are counted in Kazakhstan time.
 */
export function notificationDeadline(openedAt: Date, calendar: HolidayCalendar): NotificationDeadline {
  // Local midnight of the opening day, written as if it were UTC so that the calendar date and weekday read directly.
  let day = Math.floor((openedAt.getTime() + KZ_OFFSET_MS) / DAY_MS) * DAY_MS;
  let covered = true;
  for (;;) {
    day += DAY_MS;
    covered &&= calendar.years.includes(new Date(day).getUTCFullYear());
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !calendar.days.has(isoDay(day))) break;
  }
  return { notifyBy: new Date(day + DAY_MS - KZ_OFFSET_MS), calendarCovered: covered };
}
