import { AS_OF, REFERENCE_DATE, addDays, addMinutes, clampDate, isoDay } from './calendar.js';
import type { PartnerRow, PlainApiClientRow, PolicyVersionRow, TourRow } from './demo.types.js';
import { DEMO_CLIENTS, DEMO_PARTNERS } from './partners.data.js';
import { PLACES, type Place } from './places.data.js';
import type { Random } from './random.js';

// sha256 of shared/policy/privacy-policy.ru.txt, the text users accept as version 2024-06.
const POLICY_2024_06_SHA256 = '0602a30ea8d015ed2838d9760c42fb15f53153e5b5b7d8a6ff34dbe15b003419';
const PARTNERS_SINCE = new Date('2024-05-15T06:00:00Z');
const MIN_PRICE = 15_000;
const MAX_PRICE = 450_000;
// Tours start between ten months before the reference date and December 2027.
const FIRST_START_OFFSET = -300;
const LAST_START_OFFSET = 560;
// Enough tours running on AS_OF that "ongoing" is never empty, whatever the seed.
const ONGOING_TOURS = 3;

export function policyVersion(rnd: Random): PolicyVersionRow {
  return { id: rnd.uuid(), version: '2024-06', published_at: '2024-06-01T00:00:00.000Z', text_sha256: POLICY_2024_06_SHA256 };
}

export function partners(): PartnerRow[] {
  return DEMO_PARTNERS.map((p, i) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    country: p.country ?? 'KZ',
    city: p.city,
    created_at: addDays(PARTNERS_SINCE, i).toISOString(),
  }));
}

export function apiClients(): PlainApiClientRow[] {
  return DEMO_CLIENTS.map((c, i) => ({
    id: c.id,
    client_id: c.clientId,
    client_secret: c.clientSecret,
    name: c.name,
    partner_id: c.partnerId,
    kind: c.kind,
    scopes: c.scopes,
    purpose: c.purpose,
    created_at: addDays(PARTNERS_SINCE, 20 + i).toISOString(),
  }));
}

function tour(rnd: Random, place: Place, start: Date, days: number): TourRow {
  const operators = DEMO_PARTNERS.filter((p) => p.kind === 'TOUR_OPERATOR' && p.regions.includes(place.region));
  const perDay = rnd.int(place.pricePerDay[0], place.pricePerDay[1]);
  const price = Math.min(MAX_PRICE, Math.max(MIN_PRICE, Math.round((perDay * days) / 500) * 500));
  const end = addDays(start, days - 1);
  const listed = clampDate(addDays(start, -rnd.int(45, 150)), addDays(PARTNERS_SINCE, 30), addDays(AS_OF, -2));
  return {
    id: rnd.uuid(),
    partner_id: rnd.pick(operators).id,
    title: rnd.pick(place.titles),
    region: place.region,
    starts_on: isoDay(start),
    ends_on: isoDay(end),
    price_kzt: price,
    capacity: rnd.int(8, 40),
    seats_booked: 0,
    status: isoDay(end) < isoDay(AS_OF) && rnd.chance(0.05) ? 'RETIRED' : 'ACTIVE',
    created_at: addMinutes(listed, rnd.int(480, 1080)).toISOString(),
  };
}

/** Tours across every region, from past seasons to 2027, a few of them running on AS_OF; seats_booked is filled in by the bookings. */
export function tours(rnd: Random, count: number): TourRow[] {
  const weighted = PLACES.map((p) => [p, p.weight] as const);
  const long = PLACES.filter((p) => p.days[1] >= 4);
  const out: TourRow[] = [];
  for (let i = 0; i < count; i++) {
    if (i < ONGOING_TOURS) {
      const place = rnd.pick(long);
      out.push(tour(rnd, place, addDays(AS_OF, -rnd.int(1, 2)), rnd.int(4, Math.max(4, place.days[1]))));
      continue;
    }
    const place = rnd.weighted(weighted);
    out.push(tour(rnd, place, addDays(REFERENCE_DATE, rnd.int(FIRST_START_OFFSET, LAST_START_OFFSET)), rnd.int(place.days[0], place.days[1])));
  }
  return out;
}
