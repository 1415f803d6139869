import DataLoader from 'dataloader';
import type { KeyCursor } from '../graphql/cursor.js';
import { byKey, groupByKey } from '../graphql/group-by.js';
import { loaderPerKey, localizedRows, type LoadersFactory } from '../graphql/loaders.js';
import { bookingDateChanges, bookingHistories, bookingsByIds, bookingsByTours, type PartnerBookingRow } from './booking.service.js';
import type { Booking, BookingDateChange, BookingEvent } from './booking.type.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    /** One booking by id, with the facts its traveller's exposure needs. */
    booking: DataLoader<string, Booking | null>;
    bookingHistory: DataLoader<string, BookingEvent[]>;
    bookingDateChanges: DataLoader<string, BookingDateChange[]>;
    /** A tour's newest bookings after a keyset position, `limit` of them. */
    bookingsOfTour(limit: number, after: KeyCursor | null): DataLoader<string, PartnerBookingRow[]>;
  }
}

export const bookingLoaders: LoadersFactory = ({ sql, language }) => ({
  booking: new DataLoader(async (ids) => byKey(ids, await bookingsByIds(sql, ids), (b) => b.id)),
  bookingHistory: new DataLoader(async (ids) => groupByKey(ids, localizedRows(await bookingHistories(sql, ids), 'reason', language), (r) => r.bookingId)),
  bookingDateChanges: new DataLoader(async (ids) => groupByKey(ids, await bookingDateChanges(sql, ids), (r) => r.bookingId)),
  bookingsOfTour: loaderPerKey(
    (limit: number, after: KeyCursor | null) => (after ? `${limit}|${after.key}|${after.id}` : `${limit}`),
    (limit: number, after: KeyCursor | null) =>
      new DataLoader<string, PartnerBookingRow[]>(async (ids) => groupByKey(ids, await bookingsByTours(sql, ids, after, limit), (r) => r.tourId)),
  ),
});
