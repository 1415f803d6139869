const DAY_MS = 86_400_000;

/** Every generated date is an offset from this fixed day, never from the clock, so runs replay exactly. */
export const REFERENCE_DATE = new Date('2026-06-01T00:00:00Z');

/** The moment the demo data describes: statuses are decided against it and no timestamp lies after it. */
export const AS_OF = new Date('2026-11-24T00:00:00Z');

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function addMinutes(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function clampDate(d: Date, min: Date, max: Date): Date {
  return d < min ? min : d > max ? max : d;
}
