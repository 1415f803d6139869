import type { FeatureModule } from '../graphql/feature-module.js';
import { BookingResolver } from './booking.resolver.js';
import { MyBookingsResolver } from './my-bookings.resolver.js';
import { BookingWriteResolver } from './booking-write.resolver.js';
import { TourBookingsResolver } from './tour-bookings.resolver.js';
import { Booking } from './booking.entity.js';
import { BookingEvent } from './booking-event.entity.js';
import { BookingDateDecision } from './booking-date-decision.entity.js';
import { bookingRules } from './booking.rules.js';
import { bookingLoaders } from './booking.loaders.js';

/** The bookings feature as the app composes it. */
export const bookingsModule: FeatureModule = {
  resolvers: [BookingResolver, MyBookingsResolver, BookingWriteResolver, TourBookingsResolver],
  entities: [Booking, BookingEvent, BookingDateDecision],
  rules: [bookingRules],
  loaders: bookingLoaders,
};
