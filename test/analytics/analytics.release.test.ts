import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { discreteLaplace, epsilonFraction } from '../../src/analytics/analytics.noise.js';
import { createRelease } from '../../src/analytics/analytics.release.js';

const NOISE = { mechanism: 'TWO_SIDED_GEOMETRIC', epsilon: 1, spentToday: 1, dailyBudget: 10 };

describe('discreteLaplace', () => {
  it('draws integers centred on zero with the two-sided geometric spread of scale s/t', () => {
    const xs = Array.from({ length: 40_000 }, () => discreteLaplace(10, 1));
    expect(xs.every(Number.isInteger)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    // For scale b: P(0) = (1 - e^(-1/b)) / (1 + e^(-1/b)) and E|X| = 2 e^(-1/b) / (1 - e^(-2/b)).
    const a = Math.exp(-1 / 10);
    const meanAbs = xs.reduce((s, x) => s + Math.abs(x), 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.5);
    expect(meanAbs).toBeGreaterThan(0.95 * ((2 * a) / (1 - a * a)));
    expect(meanAbs).toBeLessThan(1.05 * ((2 * a) / (1 - a * a)));
    const zeros = xs.filter((x) => x === 0).length / xs.length;
    expect(Math.abs(zeros - (1 - a) / (1 + a))).toBeLessThan(0.01);
  });

  it('works in integers only', () => {
    expect(() => discreteLaplace(1.5, 1)).toThrow(RangeError);
    expect(() => discreteLaplace(1, 0)).toThrow(RangeError);
    expect(epsilonFraction(0.5)).toEqual({ num: 500, den: 1000 });
  });
});

describe('createRelease', () => {
  it('adds noise scaled to epsilon split over the measures, never below zero', () => {
    const r = createRelease(NOISE, 4);
    const xs = Array.from({ length: 2000 }, () => r.count(1000));
    const meanAbs = xs.reduce((a, b) => a + Math.abs(b - 1000), 0) / xs.length;
    expect(meanAbs).toBeGreaterThan(3.5);
    expect(meanAbs).toBeLessThan(4.5);
    expect(Array.from({ length: 200 }, () => r.count(0)).every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
  });
});

describe('analytics configuration', () => {
  it('adds noise under a daily budget of ten queries without any setting, and validates settings', () => {
    expect(loadConfig({}).analyticsEpsilon).toBe(1);
    expect(loadConfig({}).analyticsDailyBudget).toBe(10);
    expect(loadConfig({ ANALYTICS_EPSILON: '0.2' }).analyticsDailyBudget).toBeCloseTo(2);
    expect(loadConfig({ ANALYTICS_DAILY_BUDGET: '5' }).analyticsDailyBudget).toBe(5);
    expect(() => loadConfig({ ANALYTICS_EPSILON: '1', ANALYTICS_DAILY_BUDGET: '0.5' })).toThrow(/ANALYTICS_DAILY_BUDGET/);
    expect(() => loadConfig({ ANALYTICS_EPSILON: '0' })).toThrow(/ANALYTICS_EPSILON/);
  });

  it('refuses an analytics pseudonym key equal to the blind-index key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ BLIND_INDEX_KEY: key, ANALYTICS_PSEUDONYM_KEY: key })).toThrow(/ANALYTICS_PSEUDONYM_KEY must differ/);
  });
});
