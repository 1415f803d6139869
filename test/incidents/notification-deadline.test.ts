import { describe, expect, it } from '@jest/globals';
import { KZ_HOLIDAYS } from '../../src/incidents/kz-holidays.data.js';
import { notificationDeadline } from '../../src/incidents/notification-deadline.policy.js';

// Times in Kazakhstan (UTC+5); a deadline is the end of a day there, 19:00 UTC.
const kz = (local: string) => new Date(`${local}+05:00`);
const deadline = (local: string) => notificationDeadline(kz(local), KZ_HOLIDAYS);

describe('the deadline for notifying the authority: the end of the next business day in Kazakhstan', () => {
  it.each([
    ['a Monday morning: Tuesday', '2026-11-23T09:00:00', '2026-11-24'],
    ['a Thursday: Friday', '2026-11-26T15:00:00', '2026-11-27'],
    ['a Friday afternoon: across the weekend to Monday', '2026-11-27T16:30:00', '2026-11-30'],
    ['a Saturday: Monday', '2026-11-28T11:00:00', '2026-11-30'],
    ['a Sunday just before midnight: Monday', '2026-11-29T23:59:59', '2026-11-30'],
    ['a Friday before Republic Day moved to Monday: Tuesday', '2026-10-23T16:00:00', '2026-10-27'],
    ['the eve of Nauryz: across the weekend and three days off', '2026-03-20T10:00:00', '2026-03-26'],
    ['the day before Independence Day: the day after it', '2026-12-15T12:00:00', '2026-12-17'],
    ['a Tuesday before Kurban ait: Thursday', '2026-05-26T18:00:00', '2026-05-28'],
    ['on a holiday itself: the next business day', '2026-01-07T10:00:00', '2026-01-08'],
  ])('%s', (_what, openedLocal, businessDay) => {
    const d = deadline(openedLocal);
    expect(d.notifyBy.toISOString()).toBe(`${businessDay}T19:00:00.000Z`);
    expect(d.calendarCovered).toBe(true);
  });

  it('counts the day by Kazakhstan time, not UTC: 20:00 UTC on a Friday is already Saturday there', () => {
    expect(notificationDeadline(new Date('2026-11-27T20:00:00Z'), KZ_HOLIDAYS).notifyBy.toISOString()).toBe('2026-11-30T19:00:00.000Z');
    expect(notificationDeadline(new Date('2026-11-27T18:59:59Z'), KZ_HOLIDAYS).notifyBy.toISOString()).toBe('2026-11-30T19:00:00.000Z');
    expect(notificationDeadline(new Date('2026-11-26T18:59:59Z'), KZ_HOLIDAYS).notifyBy.toISOString()).toBe('2026-11-27T19:00:00.000Z');
    expect(notificationDeadline(new Date('2026-11-26T19:00:00Z'), KZ_HOLIDAYS).notifyBy.toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('beyond the years the list covers it skips weekends only, says so, and errs early', () => {
    const d = deadline('2026-12-31T12:00:00');
    expect(d.notifyBy.toISOString()).toBe('2027-01-01T19:00:00.000Z');
    expect(d.calendarCovered).toBe(false);
    // 8 March 2027 is International Women's Day, a Monday: the true deadline is a day later.
    expect(deadline('2027-03-05T12:00:00')).toEqual({ notifyBy: new Date('2027-03-08T19:00:00.000Z'), calendarCovered: false });
  });

  it('lists each weekday day off of the covered years once, with what it is', () => {
    const days = [...KZ_HOLIDAYS.days.keys()];
    expect(days).toHaveLength(15);
    for (const day of days) {
      expect(KZ_HOLIDAYS.years).toContain(Number(day.slice(0, 4)));
      expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
      expect(KZ_HOLIDAYS.days.get(day)).toBeTruthy();
    }
    expect(KZ_HOLIDAYS.source).toMatch(/2026/);
  });
});
