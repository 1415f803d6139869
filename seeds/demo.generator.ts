import { BookingGenerator } from './booking.generator.js';
import { apiClients, partners, policyVersion, tours } from './catalog.generator.js';
import { consentsFor, type ConsentData } from './consent.generator.js';
import type { DemoData } from './demo.types.js';
import { complaints, contentReports, reviews, supportTickets } from './feedback.generator.js';
import { Random } from './random.js';
import { DEMO_PARTNERS } from './partners.data.js';
import { referenceRecords } from './reference.generator.js';
import { DEMO_TRAVELERS } from './travelers.data.js';
import { staffRows, travelerRows } from './user.generator.js';

export const DEFAULT_SEED = 20260601;
export const MIN_USERS = DEMO_TRAVELERS.length;
export const MAX_USERS = 1_000_000;

export interface DemoOptions {
  users: number;
  seed?: number;
}

/** About one tour per six travellers: two bookings each at ~1.6 seats fill tours of 8..40 seats to about two thirds. */
export function demoTourCount(users: number): number {
  return Math.max(60, Math.ceil(users / 6));
}

export function validateDemoOptions(opts: DemoOptions): void {
  if (!Number.isInteger(opts.users) || opts.users < MIN_USERS || opts.users > MAX_USERS) {
    throw new RangeError(`users must be an integer from ${MIN_USERS} to ${MAX_USERS}, got ${opts.users}`);
  }
  if (opts.seed !== undefined && (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff)) {
    throw new RangeError(`seed must be an integer from 0 to ${0xffffffff}, got ${opts.seed}`);
  }
}

/** Pure: the same options give the same rows, ids included; identity documents are still plain text here. */
export function generateDemo(opts: DemoOptions): DemoData {
  validateDemoOptions(opts);
  const rnd = new Random(opts.seed ?? DEFAULT_SEED);
  const policy = policyVersion(rnd);
  const travelers = travelerRows(rnd, opts.users);
  const tourRows = tours(rnd, demoTourCount(opts.users));
  const booking = new BookingGenerator(rnd, tourRows);
  const wellKnown = new Set(DEMO_TRAVELERS.map((t) => t.id));
  for (const u of travelers) {
    if (!wellKnown.has(u.id)) {
      booking.bookRandom(u);
      continue;
    }
    booking.bookExactly(u, 'upcoming', 'PAID');
    booking.bookExactly(u, 'past', 'COMPLETED');
  }
  const { bookings, bookingEvents, payments } = booking.out;
  const bookers = new Set(bookings.map((b) => b.user_id));
  const abroad = new Set(DEMO_PARTNERS.filter((p) => p.country && p.country !== 'KZ').map((p) => p.id));
  const abroadTours = new Set(tourRows.filter((t) => abroad.has(t.partner_id)).map((t) => t.id));
  const abroadBookers = new Set(bookings.filter((b) => abroadTours.has(b.tour_id)).map((b) => b.user_id));
  const consent: ConsentData = { consents: [], consentEvents: [] };
  for (const u of travelers) consentsFor(rnd, u, policy.id, { hasBookings: bookers.has(u.id), booksAbroad: abroadBookers.has(u.id), wellKnown: wellKnown.has(u.id) }, consent);
  const reviewRows = reviews(rnd, bookings, new Map(tourRows.map((t) => [t.id, t])));
  return {
    policyVersions: [policy],
    partners: partners(),
    apiClients: apiClients(),
    users: [...staffRows(), ...travelers],
    tours: tourRows,
    bookings,
    bookingEvents,
    payments,
    ...consent,
    reviews: reviewRows,
    supportTickets: supportTickets(rnd),
    contentReports: contentReports(
      rnd,
      reviewRows.filter((r) => r.moderation_status === 'PUBLISHED'),
      travelers,
    ),
    complaints: complaints(rnd, travelers),
    ...referenceRecords(),
  };
}
