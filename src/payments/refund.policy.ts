/** The cancellation rule: what a cancelled, paid booking gets back. The one place to change it. */
export const REFUND_POLICY = Object.freeze({
  /** A traveller cancelling at least this many days before the tour starts gets everything back. */
  fullRefundDaysBeforeStart: 7,
  /** Later than that, this share of the amount paid (rounded down to whole tenge). */
  lateRefundShare: 0.5,
});

export type RefundCause = 'USER' | 'PARTNER';

/** The amount to refund: in full when the partner cancels or the traveller cancels early enough, otherwise the late share. */
export function refundAmount(paidKzt: number, daysBeforeStart: number, cause: RefundCause): number {
  if (cause === 'PARTNER' || daysBeforeStart >= REFUND_POLICY.fullRefundDaysBeforeStart) return paidKzt;
  return Math.floor(paidKzt * REFUND_POLICY.lateRefundShare);
}
