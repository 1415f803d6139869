import { randomInt } from 'node:crypto';

// Exact sampling in integers (Canonne, Kamath, Steinke 2020): no floating-point logarithm whose rounding could leak the true value.

/** True with probability num / den, from the OS CSPRNG. */
function bernoulli(num: number, den: number): boolean {
  return randomInt(den) < num;
}

/** True with probability exp(-num / den), for 0 <= num <= den. */
function bernoulliExpFraction(num: number, den: number): boolean {
  let k = 1;
  while (bernoulli(num, den * k)) k++;
  return k % 2 === 1;
}

/** True with probability exp(-1). */
const bernoulliExpMinusOne = (): boolean => bernoulliExpFraction(1, 1);

/**
 * Two-sided geometric (discrete Laplace) noise with scale s / t for positive integers s and t:
 * P(x) is proportional to exp(-|x| t / s).
 */
export function discreteLaplace(s: number, t: number): number {
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(t) || s < 1 || t < 1) throw new RangeError('discreteLaplace needs positive integer s and t');
  for (;;) {
    const u = randomInt(s);
    if (!bernoulliExpFraction(u, s)) continue;
    let v = 0;
    while (bernoulliExpMinusOne()) v++;
    const y = Math.floor((u + s * v) / t);
    const negative = bernoulli(1, 2);
    if (negative && y === 0) continue;
    return negative ? -y : y;
  }
}

/** Epsilon as a fraction num / den (den 1000): the sampler works in integers. */
export function epsilonFraction(epsilon: number): { num: number; den: number } {
  const num = Math.round(epsilon * 1000);
  if (num < 1) throw new RangeError('epsilon must be at least 0.001');
  return { num, den: 1000 };
}
