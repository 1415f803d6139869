import DataLoader from 'dataloader';
import type { KeyCursor } from '../graphql/cursor.js';
import { groupByKey } from '../graphql/group-by.js';
import { loaderPerKey, localizedRows, type LoadersFactory } from '../graphql/loaders.js';
import { bookingDateChanges, bookingHistories, bookingsByTours, type PartnerBookingRow } from './booking.service.js';
import type { BookingDateChange, BookingEvent } from './booking.type.js';

declare module '../graphql/loaders.js' {
  interface Loaders {
    bookingHistory: DataLoader<string, BookingEvent[]>;
    bookingDateChanges: DataLoader<string, BookingDateChange[]>;
    /** A tour's newest bookings after a keyset position, `limit` of them. */
    bookingsOfTour(limit: number, after: KeyCursor | null): DataLoader<string, PartnerBookingRow[]>;
  }
}

export const bookingLoaders: LoadersFactory = ({ sql, language }) => ({
  bookingHistory: new DataLoader(async (ids) => groupByKey(ids, localizedRows(await bookingHistories(sql, ids), 'reason', language), (r) => r.bookingId)),
  bookingDateChanges: new DataLoader(async (ids) => groupByKey(ids, await bookingDateChanges(sql, ids), (r) => r.bookingId)),
  bookingsOfTour: loaderPerKey((limit: number, after: KeyCursor | null) => (after ? `${limit}|${after.key}|${after.id}` : `${limit}`),
    (limit: number, after: KeyCursor | null) => new DataLoader<string, PartnerBookingRow[]>(async (ids) => groupByKey(ids, await bookingsByTours(sql, ids, after, limit), (r) => r.tourId))),
});
