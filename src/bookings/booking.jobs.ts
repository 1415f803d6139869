import type { EntityManager } from '@mikro-orm/postgresql';
import { withAdvisoryLock } from '../db/advisory-lock.js';
import { BookingStatus } from './booking.type.js';
import { moveBookings, moveStatement } from './booking-transition.service.js';

/** The advisory lock key of the booking jobs (any constant unique among the gateway's advisory locks). */
export const BOOKING_JOBS_LOCK = 18_001;

export interface BookingJobsRun {
  expired: number;
  completed: number;
}

const PAST_HOLD = moveStatement<[holdMinutes: number]>('booking_move_past_hold', 'b.created_at < now() - make_interval(mins => $3)');
const TOUR_ENDED = moveStatement<[]>('booking_move_tour_ended', 't.ends_on < current_date');

/** Unpaid bookings past the hold expire and give their seats back; paid bookings of tours that have ended complete, which opens reviews. */
export function runBookingJobs(em: EntityManager, holdMinutes: number): Promise<BookingJobsRun | null> {
  return withAdvisoryLock(em, BOOKING_JOBS_LOCK, async (tem) => {
    const expired = await moveBookings(tem, BookingStatus.EXPIRED, 'SYSTEM', null, PAST_HOLD, holdMinutes);
    const completed = await moveBookings(tem, BookingStatus.COMPLETED, 'SYSTEM', null, TOUR_ENDED);
    return { expired: expired.length, completed: completed.length };
  });
}

export interface JobTimer {
  stop(): Promise<void>;
}

/** Runs the booking jobs every `intervalSeconds` in this gateway; a round still running skips the next tick, and stop waits for it. */
export function scheduleBookingJobs(em: EntityManager, holdMinutes: number, intervalSeconds: number, onError: (e: unknown) => void): JobTimer {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= runBookingJobs(em.fork(), holdMinutes)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalSeconds * 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
