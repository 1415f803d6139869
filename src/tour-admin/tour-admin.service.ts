import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { recordDateChange } from '../bookings/booking-date-change.service.js';
import { isoDate } from '../graphql/validate.js';
import type { Region } from '../tours/region.js';
import { OWN_TOURS_PAGE, TOUR_COLUMNS, toursByIds, type TourRow } from '../tours/tour.service.js';
import type { TourChanges, TourInput } from './tour.input.js';
import type { KeyCursor } from '../graphql/cursor.js';

export interface TourValues {
  title: string | null;
  region: Region | null;
  startsOn: string | null;
  endsOn: string | null;
  priceKzt: number | null;
  capacity: number | null;
}

const MAX_PRICE = 100_000_000;
const MAX_CAPACITY = 10_000;

function title(v: string | null | undefined): string | null {
  if (v == null) return null;
  const t = v.trim().replace(/\s+/g, ' ');
  if (t.length < 3 || t.length > 200) throw new BadInputError('title must be 3 to 200 characters', 'title');
  return t;
}

function bounded(v: number | null | undefined, field: string, max: number): number | null {
  if (v == null) return null;
  if (!Number.isInteger(v) || v < 1 || v > max) throw new BadInputError(`${field} must be between 1 and ${max}`, field);
  return v;
}

function futureDate(v: string | null | undefined, field: string): string | null {
  const d = isoDate(v, field);
  if (d !== null && d <= new Date().toISOString().slice(0, 10)) throw new BadInputError(`${field} must be after today`, field);
  return d;
}

/** Checks each given field; the first invalid one fails with BAD_USER_INPUT naming it. */
export function validateTourValues(input: TourInput | TourChanges): TourValues {
  const v: TourValues = {
    title: title(input.title),
    region: input.region ?? null,
    startsOn: futureDate(input.startsOn, 'startsOn'),
    endsOn: futureDate(input.endsOn, 'endsOn'),
    priceKzt: bounded(input.priceKzt, 'priceKzt', MAX_PRICE),
    capacity: bounded(input.capacity, 'capacity', MAX_CAPACITY),
  };
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) throw new BadInputError('endsOn must not be before startsOn', 'endsOn');
  return v;
}

async function load(sql: Sql, id: string): Promise<TourRow> {
  const [row] = await toursByIds(sql, [id]);
  return row;
}

const CREATE = statement<
  { id: string },
  [partnerId: string, title: string | null, region: Region | null, startsOn: string | null, endsOn: string | null, priceKzt: number | null, capacity: number | null]
>(
  'tour_create',
  `insert into tours
    (id, partner_id, title, region, starts_on, ends_on, price_kzt, capacity, seats_booked, status, created_at)
  values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 0, 'ACTIVE', now()) returning id`,
);

export async function createTour(sql: Sql, partnerId: string, v: TourValues): Promise<TourRow> {
  const [row] = await sql.rows(CREATE, partnerId, v.title, v.region, v.startsOn, v.endsOn, v.priceKzt, v.capacity);
  return load(sql, row.id);
}

interface LockedTour {
  seatsBooked: number;
  startsOn: string;
  endsOn: string;
  today: string;
}

const LOCK = statement<LockedTour, [id: string, partnerId: string]>(
  'tour_lock_for_update',
  `select seats_booked as "seatsBooked",
    starts_on::text as "startsOn", ends_on::text as "endsOn", current_date::text as today
  from tours where id = $1 and partner_id = $2 for update`,
);
const UPDATE = statement<never, [title: string | null, region: Region | null, startsOn: string, endsOn: string, priceKzt: number | null, capacity: number | null, id: string]>(
  'tour_update',
  `update tours set title = coalesce($1, title), region = coalesce($2, region), starts_on = $3::date, ends_on = $4::date,
    price_kzt = coalesce($5::int, price_kzt), capacity = coalesce($6::int, capacity) where id = $7`,
);
const RETIRE = statement<{ id: string }, [id: string, partnerId: string]>('tour_retire', "update tours set status = 'RETIRED' where id = $1 and partner_id = $2 returning id");
const OF_PARTNER = statement<TourRow, [partnerId: string, afterKey: string | null, afterId: string | null, limit: number]>(
  'tours_of_partner',
  `select ${TOUR_COLUMNS} ${OWN_TOURS_PAGE}`,
);

/**
 * Under the tour's row lock, which bookings take too: capacity never below the seats booked, dates ordered and not moved into the
 * past. A move of the dates is recorded, and travellers with open or paid bookings are asked to accept it or cancel with a full
 * refund; their access windows stay as booked until they accept.
 */
export async function updateTour(sql: Sql, em: EntityManager, partner: { partnerId: string; clientId: string }, id: string, v: TourValues): Promise<TourRow> {
  await em.transactional(async (tem) => {
    const tx = sql.within(tem);
    const [t] = await tx.rows(LOCK, id, partner.partnerId);
    if (!t) throw new NotFoundError('Tour');
    if (v.capacity !== null && v.capacity < t.seatsBooked) throw new BadInputError('capacity must not be below the seats already booked', 'capacity');
    const to = { startsOn: v.startsOn ?? t.startsOn, endsOn: v.endsOn ?? t.endsOn };
    if (to.endsOn < to.startsOn) throw new BadInputError('endsOn must not be before startsOn', 'endsOn');
    const moved = to.startsOn !== t.startsOn || to.endsOn !== t.endsOn;
    if (moved && to.startsOn <= t.today) throw new BadInputError('startsOn must be after today: a tour that has started keeps its dates', 'startsOn');
    await tx.count(UPDATE, v.title, v.region, to.startsOn, to.endsOn, v.priceKzt, v.capacity, id);
    if (moved) await recordDateChange(tem, { tourId: id, changedBy: partner.clientId, from: { startsOn: t.startsOn, endsOn: t.endsOn }, to });
  });
  return load(sql, id);
}

/** Retiring stops new bookings; existing ones stay until their traveller or the partner cancels them. */
export async function retireTour(sql: Sql, partnerId: string, id: string): Promise<TourRow> {
  const [row] = await sql.rows(RETIRE, id, partnerId);
  if (!row) throw new NotFoundError('Tour');
  return load(sql, row.id);
}

export function toursOfPartner(sql: Sql, partnerId: string, after: KeyCursor | null, limit: number): Promise<TourRow[]> {
  return sql.rows(OF_PARTNER, partnerId, after?.key ?? null, after?.id ?? null, limit);
}
