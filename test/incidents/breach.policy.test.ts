import { describe, expect, it } from '@jest/globals';
import { breachTrigger } from '../../src/incidents/breach.policy.js';

const T = { ceilingPerHour: 1000, baselineMultiple: 10, minPerHour: 50 };

describe("when a recipient's FULL releases in an hour open an incident", () => {
  it('above the ceiling, whatever its history', () => {
    expect(breachTrigger(1001, null, T)).toBe('CEILING');
    expect(breachTrigger(1001, 900, T)).toBe('CEILING');
    expect(breachTrigger(1000, null, T)).toBeNull();
  });

  it('above the multiple of its own baseline, once the hour reaches the floor', () => {
    expect(breachTrigger(50, 1, T)).toBe('BASELINE');
    expect(breachTrigger(51, 5, T)).toBe('BASELINE');
    expect(breachTrigger(50, 5, T)).toBeNull();
    expect(breachTrigger(49, 1, T)).toBeNull();
  });

  it('a recipient without history is judged by the ceiling alone', () => {
    expect(breachTrigger(999, null, T)).toBeNull();
  });
});
