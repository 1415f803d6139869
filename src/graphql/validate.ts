import { BadInputError } from './errors.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function pageSize(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) throw new BadInputError(`first must be between 1 and ${max}`, 'first');
  return first;
}

export function isoDate(value: string | null | undefined, field: string): string | null {
  if (value == null) return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO_DATE.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new BadInputError(`${field} must be an ISO date (YYYY-MM-DD)`, field);
  }
  return value;
}
