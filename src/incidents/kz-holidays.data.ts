/** Days off that fall on weekdays, as published for one or more years; weekends are not listed (they are never business days). */
export interface HolidayCalendar {
  readonly source: string;
  /** The years whose every weekday day off is listed; a year not covered is treated as weekends only. */
  readonly years: readonly number[];
  /** ISO date -> the holiday that makes it a day off. */
  readonly days: ReadonlyMap<string, string>;
}

/**
 * Kazakhstan, five-day week. Holidays by the Law "On holidays in the Republic of Kazakhstan"; a holiday falling on a Saturday or
 * Sunday moves its day off to the next working day (Labour Code art. 85), except Orthodox Christmas and the first day of Kurban ait,
 * which never move. Update this list each year when the government publishes the next one.
 */
export const KZ_HOLIDAYS: HolidayCalendar = Object.freeze({
  source: 'Calendar of holidays and days off for 2026 published on the egov.kz portal (reported by Kazinform, 2 January 2026)',
  years: Object.freeze([2026]),
  days: new Map([
    ['2026-01-01', 'New Year'],
    ['2026-01-02', 'New Year'],
    ['2026-01-07', 'Orthodox Christmas'],
    ['2026-03-09', "International Women's Day (8 March, a Sunday)"],
    ['2026-03-23', 'Nauryz meyramy'],
    ['2026-03-24', 'Nauryz meyramy (21 March, a Saturday)'],
    ['2026-03-25', 'Nauryz meyramy (22 March, a Sunday)'],
    ['2026-05-01', "Kazakhstan People's Unity Day"],
    ['2026-05-07', 'Defender of the Fatherland Day'],
    ['2026-05-11', 'Victory Day (9 May, a Saturday)'],
    ['2026-05-27', 'Kurban ait, first day'],
    ['2026-07-06', 'Capital Day'],
    ['2026-08-31', 'Constitution Day (30 August, a Sunday)'],
    ['2026-10-26', 'Republic Day (25 October, a Sunday)'],
    ['2026-12-16', 'Independence Day'],
  ]),
});
