import type { BookingStatus } from '../src/bookings/booking.entity.js';
import { AS_OF, addDays, addMinutes, isoDay } from './calendar.js';
import type { BookingEventRow, BookingRow, PaymentRow, PlainUserRow, TourRow } from './demo.types.js';
import { DEMO_PARTNERS } from './partners.data.js';
import type { Random } from './random.js';

type Phase = 'past' | 'ongoing' | 'upcoming';

export interface BookingData {
  bookings: BookingRow[];
  bookingEvents: BookingEventRow[];
  payments: PaymentRow[];
}

const BOOKINGS_PER_TRAVELER = [
  [0, 14],
  [1, 24],
  [2, 27],
  [3, 19],
  [4, 10],
  [5, 6],
] as const;
const SEATS = [
  [1, 50],
  [2, 32],
  [3, 10],
  [4, 8],
] as const;
const STATUS_BY_PHASE: Record<Phase, readonly (readonly [BookingStatus, number])[]> = {
  past: [
    ['COMPLETED', 86],
    ['CANCELLED', 14],
  ],
  ongoing: [
    ['PAID', 90],
    ['CANCELLED', 10],
  ],
  upcoming: [
    ['PAID', 62],
    ['PENDING_PAYMENT', 20],
    ['CANCELLED', 18],
  ],
};
const PROVIDERS = DEMO_PARTNERS.filter((p) => p.kind === 'PAYMENT_PROVIDER');
const PROVIDER_WEIGHTS = PROVIDERS.map((p, i) => [p, i === 0 ? 60 : 40] as const);
const REF_PREFIX: Record<string, string> = Object.fromEntries(PROVIDERS.map((p, i) => [p.id, ['DP', 'TC'][i]]));
const TRIES = 6;
// Travellers book from ten months to a day ahead; unpaid bookings lapse within a day, so open ones are recent.
const EARLIEST_BOOKING_DAYS = 300;
const LAST_MOMENT = addMinutes(AS_OF, -60);
const asOfDay = isoDay(AS_OF);

function phase(t: TourRow): Phase {
  if (t.ends_on < asOfDay) return 'past';
  return t.starts_on > asOfDay ? 'upcoming' : 'ongoing';
}

function maxDate(...ds: Date[]): Date {
  return new Date(Math.max(...ds.map((d) => d.getTime())));
}
function minDate(...ds: Date[]): Date {
  return new Date(Math.min(...ds.map((d) => d.getTime())));
}

function between(rnd: Random, lo: Date, hi: Date): Date {
  return new Date(lo.getTime() + Math.floor(rnd.next() * (hi.getTime() - lo.getTime())));
}

/** Statuses follow each tour's dates as of AS_OF, and seats are taken only while a tour has them, so none is overbooked. */
export class BookingGenerator {
  readonly out: BookingData = { bookings: [], bookingEvents: [], payments: [] };
  private readonly byStart: TourRow[];

  constructor(
    private readonly rnd: Random,
    tours: readonly TourRow[],
  ) {
    this.byStart = [...tours].sort((a, b) => (a.starts_on < b.starts_on ? -1 : a.starts_on > b.starts_on ? 1 : a.id < b.id ? -1 : 1));
  }

  /** A traveller's usual bookings: none to five, on tours starting after they signed up. */
  bookRandom(user: PlainUserRow): void {
    const booked = new Set<string>();
    const count = this.rnd.weighted(BOOKINGS_PER_TRAVELER);
    const first = this.firstEligible(user);
    if (first >= this.byStart.length) return;
    for (let n = 0; n < count; n++) {
      for (let attempt = 0; attempt < TRIES; attempt++) {
        const tour = this.byStart[this.rnd.int(first, this.byStart.length - 1)];
        if (!booked.has(tour.id) && this.tryBook(user, tour, this.rnd.weighted(STATUS_BY_PHASE[phase(tour)]))) {
          booked.add(tour.id);
          break;
        }
      }
    }
  }

  /** A guaranteed booking in the given phase and status, for the well-known demo travellers. */
  bookExactly(user: PlainUserRow, want: Phase, status: BookingStatus): void {
    const candidates = this.byStart.filter((t) => phase(t) === want && t.status === 'ACTIVE' && t.capacity - t.seats_booked >= 2);
    const from = this.rnd.int(0, candidates.length - 1);
    for (let i = 0; i < candidates.length; i++) {
      if (this.tryBook(user, candidates[(from + i) % candidates.length], status)) return;
    }
    throw new Error(`no ${want} tour can take a ${status} booking`);
  }

  private firstEligible(user: PlainUserRow): number {
    const day = isoDay(addDays(new Date(user.created_at), 2));
    let lo = 0;
    let hi = this.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.byStart[mid].starts_on < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private tryBook(user: PlainUserRow, tour: TourRow, wanted: BookingStatus): boolean {
    const start = new Date(`${tour.starts_on}T00:00:00Z`);
    const lo = maxDate(new Date(user.created_at), new Date(tour.created_at), addDays(start, -EARLIEST_BOOKING_DAYS));
    const hi = minDate(addMinutes(start, -60), LAST_MOMENT);
    if (lo >= hi) return false;
    const recentLo = maxDate(lo, addDays(AS_OF, -1));
    const status = wanted === 'PENDING_PAYMENT' && recentLo >= hi ? 'PAID' : wanted;
    const free = tour.capacity - tour.seats_booked;
    const seats = Math.min(this.rnd.weighted(SEATS), status === 'CANCELLED' ? 4 : free);
    if (seats < 1) return false;
    const createdAt = between(this.rnd, status === 'PENDING_PAYMENT' ? recentLo : lo, hi);
    const booking: BookingRow = {
      id: this.rnd.uuid(),
      user_id: user.id,
      tour_id: tour.id,
      seats,
      status,
      amount_kzt: seats * tour.price_kzt,
      idempotency_key: this.rnd.uuid(),
      created_at: createdAt.toISOString(),
    };
    if (status !== 'CANCELLED') tour.seats_booked += seats;
    this.out.bookings.push(booking);
    this.history(booking, tour, createdAt);
    return true;
  }

  private event(booking: BookingRow, status: BookingStatus, actorKind: string, at: Date, reason: string | null = null): void {
    this.out.bookingEvents.push({ id: this.rnd.uuid(), booking_id: booking.id, status, actor_kind: actorKind, reason, at: minDate(at, LAST_MOMENT).toISOString() });
  }

  private history(booking: BookingRow, tour: TourRow, createdAt: Date): void {
    this.event(booking, 'PENDING_PAYMENT', 'USER', createdAt);
    if (booking.status === 'CANCELLED') {
      const timedOut = this.rnd.chance(0.6);
      const at = addMinutes(createdAt, timedOut ? 30 : this.rnd.int(3, 25));
      this.event(booking, 'CANCELLED', timedOut ? 'SYSTEM' : 'USER', at, timedOut ? 'payment not received in time' : 'cancelled by traveller');
      return;
    }
    if (booking.status === 'PENDING_PAYMENT') return;
    const paidAt = addMinutes(createdAt, this.rnd.int(1, 20));
    const provider = this.rnd.weighted(PROVIDER_WEIGHTS);
    this.event(booking, 'PAID', 'PAYMENT_PROVIDER', paidAt);
    this.out.payments.push({
      id: this.rnd.uuid(),
      booking_id: booking.id,
      provider_id: provider.id,
      amount_kzt: booking.amount_kzt,
      status: 'CONFIRMED',
      external_ref: `${REF_PREFIX[provider.id]}${this.rnd.digits(12)}`,
      created_at: minDate(paidAt, LAST_MOMENT).toISOString(),
      settled_at: minDate(paidAt, LAST_MOMENT).toISOString(),
    });
    if (booking.status === 'COMPLETED') this.event(booking, 'COMPLETED', 'SYSTEM', new Date(`${tour.ends_on}T18:00:00Z`));
  }
}
