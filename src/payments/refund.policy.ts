/** The cancellation rule: what a cancelled, paid booking gets back. The one place to change it. */
export const REFUND_POLICY = Object.freeze({
  /** A traveller cancelling at least this many days before the tour starts gets everything back. */
  fullRefundDaysBeforeStart: 7,
  /** Later than that, this share of the amount paid (rounded down to whole tenge). */
  lateRefundShare: 0.5,
  /** A traveller cancelling after the partner moved the tour's dates, before accepting the new ones, gets this share back whenever
   * they cancel: they did not book those dates. */
  unansweredDateChangeShare: 1,
});

/** Who made the booking end: its traveller, the partner, or its traveller answering a date change they did not accept. */
export type RefundCause = 'USER' | 'PARTNER' | 'DATE_CHANGE';

/** The amount to refund: in full when the partner cancels or the traveller cancels early enough, by the date-change share when the
 * traveller declines moved dates, otherwise the late share. */
export function refundAmount(paidKzt: number, daysBeforeStart: number, cause: RefundCause): number {
  if (cause === 'DATE_CHANGE') return Math.floor(paidKzt * REFUND_POLICY.unansweredDateChangeShare);
  if (cause === 'PARTNER' || daysBeforeStart >= REFUND_POLICY.fullRefundDaysBeforeStart) return paidKzt;
  return Math.floor(paidKzt * REFUND_POLICY.lateRefundShare);
}
