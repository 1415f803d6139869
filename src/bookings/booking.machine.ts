import { BookingAction, BookingStatus } from './booking.type.js';

const { PENDING_PAYMENT, PAID, COMPLETED, CANCELLED, EXPIRED, REFUNDED } = BookingStatus;

/** The booking state machine, the one source of allowed moves; the database trigger from the booking_transitions migration enforces the same. */
export const TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  [PENDING_PAYMENT]: [PAID, CANCELLED, EXPIRED],
  [PAID]: [COMPLETED, CANCELLED],
  [CANCELLED]: [REFUNDED],
  [COMPLETED]: [],
  [EXPIRED]: [],
  [REFUNDED]: [],
};

/** Moves into these statuses give the seats back to the tour. */
export const RELEASES_SEATS: ReadonlySet<BookingStatus> = new Set([CANCELLED, EXPIRED]);

/** The statuses a booking may move to `to` from. */
export function sourcesOf(to: BookingStatus): BookingStatus[] {
  return (Object.keys(TRANSITIONS) as BookingStatus[]).filter((from) => TRANSITIONS[from].includes(to));
}

/** The statuses in which a traveller answers a move of the tour's dates: accept the new dates, or cancel with a full refund. */
export const ANSWERS_DATE_CHANGES: readonly BookingStatus[] = [PENDING_PAYMENT, PAID];

/** What the traveller can do next with a booking; `started` is whether the tour has begun, `reviewed` whether they reviewed its tour,
 * `dateChangePending` whether a move of its dates awaits their answer. */
export function nextActions(status: BookingStatus, started: boolean, reviewed: boolean, dateChangePending: boolean): BookingAction[] {
  const answer = dateChangePending && ANSWERS_DATE_CHANGES.includes(status) ? [BookingAction.ACCEPT_DATE_CHANGE] : [];
  switch (status) {
    case PENDING_PAYMENT:
      return [...(started ? [] : [BookingAction.PAY, BookingAction.CANCEL]), ...answer];
    case PAID:
      return [...(started ? [] : [BookingAction.CANCEL]), ...answer];
    case COMPLETED:
      return reviewed ? [] : [BookingAction.REVIEW];
    default:
      return [];
  }
}
