import DataLoader from 'dataloader';
import type { Sql } from '../db/sql.js';
import type { Language } from '../i18n/language.js';
import { localizeStoredText } from '../privacy/free-text.masks.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import { partnersByIds, toursByIds, type TourRow } from '../tours/tour.service.js';
import { reviewsByTours } from '../reviews/review.service.js';
import { personsByIds, type PersonRow } from '../users/user.service.js';
import type { Review } from '../reviews/review.type.js';
import { bookingDateChanges, bookingHistories, bookingsByTours, type PartnerBookingRow } from '../bookings/booking.service.js';
import type { BookingDateChange, BookingEvent } from '../bookings/booking.type.js';
import type { KeyCursor } from './cursor.js';
import { byKey, groupByKey } from './group-by.js';

/** Per-request batching; created with the request context and dropped with it. */
export class Loaders {
  private reviewLoaders = new Map<number, DataLoader<string, Review[]>>();
  private bookingLoaders = new Map<string, DataLoader<string, PartnerBookingRow[]>>();
  readonly tour: DataLoader<string, TourRow | null>;
  readonly partner: DataLoader<string, { id: string; name: string } | null>;
  readonly person: DataLoader<string, PersonRow | null>;
  readonly bookingHistory: DataLoader<string, BookingEvent[]>;
  readonly bookingDateChanges: DataLoader<string, BookingDateChange[]>;

  constructor(private readonly sql: Sql, vault: PiiVault, private readonly language: Language) {
    this.tour = new DataLoader(async (ids) => byKey(ids, await toursByIds(sql, ids), (r) => r.id));
    this.partner = new DataLoader(async (ids) => byKey(ids, await partnersByIds(sql, ids), (r) => r.id));
    this.person = new DataLoader(async (ids) => byKey(ids, await personsByIds(sql, vault, ids), (r) => r.id));
    this.bookingHistory = new DataLoader(async (ids) => groupByKey(ids, this.localized(await bookingHistories(sql, ids), 'reason'), (r) => r.bookingId));
    this.bookingDateChanges = new DataLoader(async (ids) => groupByKey(ids, await bookingDateChanges(sql, ids), (r) => r.bookingId));
  }

  /** Rows whose text was masked when written, with its placeholders in the caller's language; as read for English. */
  private localized<K extends string, R extends Record<K, string | null>>(rows: R[], key: K): R[] {
    if (this.language === 'en') return rows;
    return rows.map((r) => { const text: string | null = r[key]; return text === null ? r : { ...r, [key]: localizeStoredText(text, this.language) }; });
  }

  reviewsOfTour(limit: number): DataLoader<string, Review[]> {
    let loader = this.reviewLoaders.get(limit);
    if (!loader) {
      loader = new DataLoader(async (ids) => groupByKey(ids, this.localized(await reviewsByTours(this.sql, ids, limit), 'text'), (r) => r.tourId));
      this.reviewLoaders.set(limit, loader);
    }
    return loader;
  }

  bookingsOfTour(limit: number, after: KeyCursor | null): DataLoader<string, PartnerBookingRow[]> {
    const key = after ? `${limit}|${after.key}|${after.id}` : `${limit}`;
    let loader = this.bookingLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => groupByKey(ids, await bookingsByTours(this.sql, ids, after, limit), (r) => r.tourId));
      this.bookingLoaders.set(key, loader);
    }
    return loader;
  }
}
