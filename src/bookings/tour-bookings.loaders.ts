import { getArgumentValues, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, MICROS_KEY, type KeyCursor } from '../graphql/cursor.js';
import { perDocument, selectedField } from '../graphql/selection-plan.js';
import { pageSize } from '../graphql/validate.js';
import type { TourRow } from '../tours/tour.service.js';
import { openPerson } from '../users/user.service.js';
import { partnerToursWithBookings } from './booking.service.js';

// Whether a tours page's document selects its tours' bookings (exactly once), and their travellers.
const bookingsSelection = perDocument((info) => {
  const bookings = selectedField(info, ['nodes', 'bookings']);
  return bookings && { bookings, travellers: selectedField(info, ['nodes', 'bookings', 'nodes', 'traveller']) !== null };
});

/**
 * The partner's tours page read in one statement with the bookings page the document selects on each tour (and its travellers), the
 * per-request loaders primed with them so that Tour.bookings and Booking.traveller find them; null where the document selects no
 * bookings, the caller may not read them, or their arguments are refused (the bookings field then reports that itself).
 */
export async function partnerToursWithPrimedBookings(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  partnerId: string,
  after: KeyCursor | null,
  size: number,
): Promise<TourRow[] | null> {
  // Tour.bookings asks for this scope (and the tour's own partner, which every tour here has).
  if (!ctx.principal.scopes.includes('bookings:read')) return null;
  const selection = bookingsSelection(info);
  if (!selection) return null;
  let page: { limit: number; after: KeyCursor | null };
  try {
    const args = getArgumentValues(selection.bookings.def, selection.bookings.node, info.variableValues) as { first: number; after?: string | null };
    page = { limit: pageSize(args.first, ctx.services.cfg.limits.maxPageSize) + 1, after: args.after ? decodeCursor(args.after, MICROS_KEY) : null };
  } catch (e) {
    if (e instanceof GraphQLError) return null;
    throw e;
  }
  const read = await partnerToursWithBookings(ctx.services.sql, partnerId, after, size + 1, size, page, selection.travellers);
  const pages = ctx.loaders.bookingsOfTour(page.limit, page.after);
  for (const [tourId, rows] of read.bookings) pages.prime(tourId, rows);
  const opened = new Set<string>();
  for (const stored of read.travellers) {
    if (opened.has(stored.id)) continue;
    opened.add(stored.id);
    ctx.loaders.person.prime(stored.id, openPerson(ctx.services.vault, stored));
  }
  return read.tours;
}
