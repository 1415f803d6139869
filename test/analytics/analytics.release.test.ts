import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { createRelease, laplace } from '../../src/analytics/analytics.release.js';

describe('laplace', () => {
  it('is centred on zero with mean absolute value equal to the scale', () => {
    const xs = Array.from({ length: 40_000 }, () => laplace(10));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const meanAbs = xs.reduce((a, b) => a + Math.abs(b), 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.5);
    expect(meanAbs).toBeGreaterThan(9.5);
    expect(meanAbs).toBeLessThan(10.5);
    expect(new Set(xs).size).toBe(xs.length);
  });
});

describe('createRelease', () => {
  it('rounds without noise', () => {
    const r = createRelease(null, 5);
    expect([r.count(7), r.count(8), r.sum(1_234_567, 1, 10_000)]).toEqual([5, 10, 1_230_000]);
  });

  it('adds noise scaled to epsilon split over the measures, never below zero', () => {
    const r = createRelease({ mechanism: 'LAPLACE', epsilon: 1, spentToday: 1, dailyBudget: 10 }, 4);
    const xs = Array.from({ length: 2000 }, () => r.count(1000));
    const meanAbs = xs.reduce((a, b) => a + Math.abs(b - 1000), 0) / xs.length;
    expect(meanAbs).toBeGreaterThan(3.5);
    expect(meanAbs).toBeLessThan(4.5);
    expect(Array.from({ length: 200 }, () => r.count(0)).every((v) => v >= 0 && Number.isInteger(v))).toBe(true);
  });
});

describe('analytics configuration', () => {
  it('defaults the daily budget to ten queries and validates it', () => {
    expect(loadConfig({ ANALYTICS_EPSILON: '0.2' }).analyticsDailyBudget).toBeCloseTo(2);
    expect(loadConfig({}).analyticsDailyBudget).toBeUndefined();
    expect(() => loadConfig({ ANALYTICS_EPSILON: '1', ANALYTICS_DAILY_BUDGET: '0.5' })).toThrow(/ANALYTICS_DAILY_BUDGET/);
    expect(() => loadConfig({ ANALYTICS_DAILY_BUDGET: '5' })).toThrow(/needs ANALYTICS_EPSILON/);
  });

  it('refuses an analytics pseudonym key equal to the blind-index key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ BLIND_INDEX_KEY: key, ANALYTICS_PSEUDONYM_KEY: key })).toThrow(/ANALYTICS_PSEUDONYM_KEY must differ/);
  });
});
