import { BookingAction, BookingStatus } from './booking.type.js';

/** What the traveller can do next with a booking; `started` is whether the tour has begun, `reviewed` whether they reviewed its tour. */
export function nextActions(status: BookingStatus, started: boolean, reviewed: boolean): BookingAction[] {
  switch (status) {
    case BookingStatus.PENDING_PAYMENT: return started ? [] : [BookingAction.PAY, BookingAction.CANCEL];
    case BookingStatus.PAID: return started ? [] : [BookingAction.CANCEL];
    case BookingStatus.COMPLETED: return reviewed ? [] : [BookingAction.REVIEW];
    default: return [];
  }
}
