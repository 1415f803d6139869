import type { EntityManager } from '@mikro-orm/postgresql';

export interface PurgeResult { holds: number; bookings: number; payments: number }

// One statement: the foreign keys are checked at its end, after payments and bookings (events cascade) are gone. Only erased accounts: a hold on a live account would be a bug, and its transactions are still the user's own.
const PURGE = `with ended as (
    delete from legal_holds h using users u where h.user_id = u.id and u.status = 'DELETED' and h.until < current_date
      and not exists(select 1 from legal_holds later where later.user_id = h.user_id and later.until >= current_date)
    returning h.user_id),
  held as (select b.id from bookings b where b.user_id in (select user_id from ended)),
  payments_gone as (delete from payments where booking_id in (select id from held) returning id),
  bookings_gone as (delete from bookings where id in (select id from held) returning id)
  select (select count(*)::int from ended) as holds, (select count(*)::int from bookings_gone) as bookings, (select count(*)::int from payments_gone) as payments`;

/** Deletes the transactions of erased accounts whose legal hold has ended, with the hold itself; the empty account row stays for its reviews. */
export async function purgeEndedHolds(em: EntityManager): Promise<PurgeResult> {
  return em.transactional(async (tem) => {
    const [r] = await tem.execute<PurgeResult[]>(PURGE);
    return r;
  });
}
