import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { Region } from './region.js';
import type { Tour } from './tour.type.js';
import type { KeyCursor } from '../graphql/cursor.js';
import { keysetAfter } from '../db/keyset.js';

export interface TourRow extends Tour {
  status: string;
}

/** A tour row as TourRow, for statements over `tours t`. */
export const TOUR_COLUMNS = `t.id, t.title, t.region, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn",
  t.price_kzt as "priceKzt", t.capacity, t.capacity - t.seats_booked as "seatsLeft", t.partner_id as "partnerId", t.status`;

// Tours after the keyset position (key, id) by start date.
const afterTour = (key: string, id: string) => keysetAfter('asc', { key: 't.starts_on', id: 't.id' }, { key: `${key}::date`, id });

/** From a partner's tours ($1), a page after the keyset position ($2, $3), $4 of them, by start date. */
export const OWN_TOURS_PAGE = `from tours t where t.partner_id = $1 and ${afterTour('$2', '$3')}
    order by t.starts_on, t.id limit $4`;

export interface TourFilter {
  region: Region | null;
  startsFrom: string | null;
  startsTo: string | null;
}

const TOURS_LIST = statement<TourRow, [region: Region | null, startsFrom: string | null, startsTo: string | null, afterKey: string | null, afterId: string | null, limit: number]>(
  'tours_list',
  `select ${TOUR_COLUMNS} from tours t
    where t.status = 'ACTIVE' and ($1::text is null or t.region = $1)
      and ($2::date is null or t.starts_on >= $2) and ($3::date is null or t.starts_on <= $3)
      and ${afterTour('$4', '$5')}
    order by t.starts_on, t.id limit $6`,
);

// Public listings: a replica may serve them.
export function listTours(sql: Sql, f: TourFilter, after: KeyCursor | null, limit: number): Promise<TourRow[]> {
  return sql.replicaRows(TOURS_LIST, f.region, f.startsFrom, f.startsTo, after?.key ?? null, after?.id ?? null, limit);
}

const TOURS_BY_IDS = statement<TourRow, [ids: readonly string[]]>('tours_by_ids', `select ${TOUR_COLUMNS} from tours t where t.id = any($1::uuid[])`);

export function toursByIds(sql: Sql, ids: readonly string[]): Promise<TourRow[]> {
  return sql.rows(TOURS_BY_IDS, ids);
}

const PARTNERS_BY_IDS = statement<{ id: string; name: string }, [ids: readonly string[]]>('partners_by_ids', 'select id, name from partners where id = any($1::uuid[])');

export function partnersByIds(sql: Sql, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return sql.replicaRows(PARTNERS_BY_IDS, ids);
}
