/** When a recipient account's FULL releases count as a suspected breach (configured, see config.ts). */
export interface BreachThresholds {
  /** FULL disclosure rows per recipient in the last hour above which an incident opens, whatever its history. */
  readonly ceilingPerHour: number;
  /** An incident opens above this multiple of the recipient's own baseline (its mean per active hour over the baseline days). */
  readonly baselineMultiple: number;
  /** Below this many rows in the hour the baseline rule is silent: a quiet recipient's few rows are no breach. */
  readonly minPerHour: number;
}

export const BREACH_TRIGGERS = Object.freeze(['CEILING', 'BASELINE'] as const);
export type BreachTrigger = (typeof BREACH_TRIGGERS)[number];

/** Which rule the last hour's count breaks, if any; a recipient without history is judged by the ceiling alone. */
export function breachTrigger(lastHour: number, baselinePerHour: number | null, t: BreachThresholds): BreachTrigger | null {
  if (lastHour > t.ceilingPerHour) return 'CEILING';
  if (baselinePerHour !== null && lastHour >= t.minPerHour && lastHour > baselinePerHour * t.baselineMultiple) return 'BASELINE';
  return null;
}
