import { AS_OF, addDays, addMinutes, clampDate } from './calendar.js';
import type { BookingRow, PlainComplaintRow, PlainContentReportRow, PlainSupportTicketRow, PlainUserRow, ReviewRow, TourRow } from './demo.types.js';
import type { Random } from './random.js';
import { DEMO_STAFF } from './staff.data.js';
import { COMPLAINTS, MODERATION_REASONS, REPORT_REASONS, REVIEW_TEXTS } from './texts.data.js';
import { DEMO_TICKETS } from './tickets.data.js';

const RATINGS = [
  [5, 50],
  [4, 28],
  [3, 12],
  [2, 6],
  [1, 4],
] as const;
const REVIEW_SHARE = 0.4;
const LAST_MOMENT = addMinutes(AS_OF, -60);

/** At most one review per completed booking, hence per (author, tour); ratings lean positive as real ones do. */
export function reviews(rnd: Random, bookings: readonly BookingRow[], tours: ReadonlyMap<string, TourRow>): ReviewRow[] {
  const out: ReviewRow[] = [];
  for (const b of bookings) {
    if (b.status !== 'COMPLETED' || !rnd.chance(REVIEW_SHARE)) continue;
    const rating = rnd.weighted(RATINGS);
    const moderation = rnd.weighted([
      ['PUBLISHED', 96],
      ['HIDDEN', 3],
      ['REMOVED', 1],
    ] as const);
    const end = new Date(`${tours.get(b.tour_id)!.ends_on}T19:00:00Z`);
    out.push({
      id: rnd.uuid(),
      author_id: b.user_id,
      tour_id: b.tour_id,
      rating,
      text: rnd.pick(REVIEW_TEXTS[rating - 1]),
      moderation_status: moderation,
      moderation_reason: moderation === 'PUBLISHED' ? null : rnd.pick(MODERATION_REASONS),
      created_at: clampDate(addMinutes(end, rnd.int(60, 20 * 24 * 60)), end, LAST_MOMENT).toISOString(),
    });
  }
  return out;
}

export function contentReports(rnd: Random, published: readonly ReviewRow[], travelers: readonly PlainUserRow[]): PlainContentReportRow[] {
  return REPORT_REASONS.slice(0, Math.min(REPORT_REASONS.length, published.length)).map((reason, i) => {
    const review = published[rnd.int(0, published.length - 1)];
    const pick = rnd.int(0, travelers.length - 1);
    const reporter = travelers[travelers[pick].id === review.author_id ? (pick + 1) % travelers.length : pick];
    const dismissed = i === REPORT_REASONS.length - 1;
    return {
      id: rnd.uuid(),
      review_id: review.id,
      reporter_id: reporter.id,
      reason,
      status: dismissed ? 'DISMISSED' : 'OPEN',
      resolved_by_id: dismissed ? DEMO_STAFF.moderator.id : null,
      resolution: dismissed ? 'Нарушений правил не найдено' : null,
      created_at: clampDate(addDays(new Date(review.created_at), rnd.int(1, 10)), new Date(review.created_at), LAST_MOMENT).toISOString(),
    };
  });
}

export function complaints(rnd: Random, travelers: readonly PlainUserRow[]): PlainComplaintRow[] {
  const statuses = ['RECEIVED', 'IN_REVIEW', 'ANSWERED'] as const;
  return COMPLAINTS.map((c, i) => ({
    id: rnd.uuid(),
    user_id: travelers[i === 0 ? 0 : rnd.int(0, travelers.length - 1)].id,
    subject: c.subject,
    body: c.body,
    attachments: i === 0 ? [{ name: 'zayavlenie.pdf', mimeType: 'application/pdf', sizeBytes: rnd.int(40_000, 900_000), sha256: rnd.hex(64) }] : [],
    status: statuses[i % statuses.length],
    created_at: addDays(AS_OF, -rnd.int(2, 40)).toISOString(),
  }));
}

export function supportTickets(rnd: Random): PlainSupportTicketRow[] {
  return DEMO_TICKETS.map((t) => ({
    id: t.id,
    reference: t.reference,
    user_id: t.userId,
    subject: t.subject,
    status: t.status,
    created_at: addMinutes(AS_OF, -rnd.int(120, 14 * 24 * 60)).toISOString(),
    assigned_to_id: t.assignedToId,
    assigned_at: t.assignedToId === null ? null : addMinutes(AS_OF, -60).toISOString(),
  }));
}
