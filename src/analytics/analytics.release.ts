import { discreteLaplace, epsilonFraction } from './analytics.noise.js';
import type { NoiseInfo } from './analytics.type.js';

export const RATING_DECIMALS = 1;

/** How one query's figures leave: two-sided geometric noise, epsilon split evenly over its measures, never below zero. */
export interface Release {
  count(v: number, sensitivity?: number): number;
  sum(v: number, sensitivity: number): number;
  noise: NoiseInfo;
}

export function createRelease(noise: NoiseInfo, measures: number): Release {
  const { num, den } = epsilonFraction(noise.epsilon);
  // Scale sensitivity / (epsilon / measures) = (sensitivity * den * measures) / num, in integers.
  const noisy = (v: number, sensitivity: number) => Math.max(0, Math.round(v) + discreteLaplace(Math.ceil(sensitivity) * den * measures, num));
  return { count: (v, s = 1) => noisy(v, s), sum: (v, s) => noisy(v, s), noise };
}

export function roundRating(v: number): number {
  return Math.min(5, Math.max(1, Number(v.toFixed(RATING_DECIMALS))));
}
