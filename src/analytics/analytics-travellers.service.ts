import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { eligible } from './analytics.population.js';
import type { Region } from '../tours/region.js';
import type { BookingCountBand } from './analytics.type.js';

export interface RawTraveller {
  id: string;
  signupMonth: string | null;
  region: Region | null;
  gender: string | null;
  band: BookingCountBand;
  generalised: boolean;
}
export interface RawTravellerPage {
  suppressed: number;
  rows: RawTraveller[];
}

/**
 * Generalised rows with k-anonymity: a row whose (sign-up month, gender, region, band) fewer than k travellers share
 * loses its month and region; if its (gender, band) class is still under k it is left out.
 * The ids are for pseudonymising only and never reach a response.
 */
const TRAVELLERS = statement<RawTravellerPage, [k: number, offset: number, limit: number]>(
  'analytics_travellers',
  `with facts as (
    select u.id, to_char(u.created_at at time zone 'UTC', 'YYYY-MM') as signup_month, u.gender, last.region,
      case when cnt.n = 0 then 'NONE' when cnt.n = 1 then 'ONE' when cnt.n <= 3 then 'TWO_TO_THREE' when cnt.n <= 9 then 'FOUR_TO_NINE' else 'TEN_OR_MORE' end as band
    from users u
      left join lateral (select t.region from bookings b join tours t on t.id = b.tour_id where b.user_id = u.id order by b.created_at desc, b.id desc limit 1) last on true
      cross join lateral (select count(*) as n from bookings b where b.user_id = u.id) cnt
    where ${eligible('u')}),
  exact as (select *, count(*) over (partition by signup_month, gender, region, band) as class_size from facts),
  generalised as (
    select id, gender, band, class_size < $1::int as generalised,
      case when class_size >= $1::int then signup_month end as signup_month, case when class_size >= $1::int then region end as region
    from exact),
  classed as (select *, count(*) over (partition by signup_month, gender, region, band) as class_size from generalised)
  select (select count(*) from classed where class_size < $1::int)::int as suppressed,
    (select coalesce(json_agg(json_build_object('id', id, 'signupMonth', signup_month, 'region', region, 'gender', gender, 'band', band,
      'generalised', generalised) order by signup_month nulls last, id), '[]'::json)
      from (select * from classed where class_size >= $1::int order by signup_month nulls last, id offset $2 limit $3) page) as rows`,
);

/** One statement: a page of released rows (in an order that follows no identifier the caller sees) and the count left out. */
export async function travellerRows(sql: Sql, k: number, offset: number, limit: number): Promise<RawTravellerPage> {
  const [row] = await sql.rows(TRAVELLERS, k, offset, limit);
  return row;
}
