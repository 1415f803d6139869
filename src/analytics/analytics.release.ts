import { randomBytes } from 'node:crypto';
import type { NoiseInfo, RoundingInfo } from './analytics.type.js';

export const ROUNDING: RoundingInfo = { countsTo: 5, revenueKztTo: 10_000, ratingDecimals: 1 };

/** Uniform on (0, 1) with 53 bits from the OS CSPRNG: noise an analyst cannot predict or replay. */
function uniform(): number {
  for (;;) {
    const u = Number(randomBytes(8).readBigUInt64BE() >> 11n) / 2 ** 53;
    if (u > 0) return u;
  }
}

export function laplace(scale: number): number {
  const u = uniform() - 0.5;
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

function roundTo(v: number, step: number): number {
  return Math.round(v / step) * step;
}

/** How one query's figures leave: Laplace noise with epsilon split evenly over its measures, else rounding. */
export interface Release {
  count(v: number, sensitivity?: number): number;
  sum(v: number, sensitivity: number, step: number): number;
  noise: NoiseInfo | null;
  rounding: RoundingInfo | null;
}

export function createRelease(noise: NoiseInfo | null, measures: number): Release {
  if (!noise) {
    return { count: (v) => roundTo(v, ROUNDING.countsTo), sum: (v, _s, step) => roundTo(v, step), noise: null, rounding: ROUNDING };
  }
  const perMeasure = noise.epsilon / measures;
  const noisy = (v: number, sensitivity: number) => Math.max(0, Math.round(v + laplace(sensitivity / perMeasure)));
  return { count: (v, s = 1) => noisy(v, s), sum: (v, s) => noisy(v, s), noise, rounding: null };
}

export function roundRating(v: number): number {
  return Math.min(5, Math.max(1, Number(v.toFixed(ROUNDING.ratingDecimals))));
}
