import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import type { WithServices } from '../support/in-process.js';

/** The demo operator with the most tours that have bookings, so that pages of tours carry several bookings pages. */
export async function busiestPartner(app: WithServices): Promise<string> {
  const [p] = await app.services.sql.rows<{ partnerId: string }>(
    't_tb_partner',
    `select t.partner_id as "partnerId" from tours t
    where t.partner_id = any($1::uuid[]) and exists (select 1 from bookings b where b.tour_id = t.id) group by t.partner_id order by count(*) desc limit 1`,
    [DEMO_CLIENTS.filter((c) => c.kind === 'PARTNER').map((c) => c.partnerId)],
  );
  return p.partnerId;
}

export const READER_SCOPES = ['tours:read', 'bookings:read', 'travelers:read'];
export const MASKED_SCOPES = ['tours:read', 'bookings:read'];

const TRAVELLER = 'traveller { id fullName phone iin passportNumber gender email }';
// `@include(if: true)` selects the same fields, but the tours page then does not read the bookings with it: the field resolvers load them.
const list = (include: string) => `query L($n: Int!, $after: String, $b: Int!, $bAfter: String) { partnerTours(first: $n, after: $after) {
  nodes { id title startsOn bookings(first: $b, after: $bAfter) ${include} { nodes { id seats status createdAt ${TRAVELLER} } pageInfo { hasNextPage endCursor } } }
  pageInfo { hasNextPage endCursor } } }`;
export const WITH_LIST = list('');
export const LOADED_PER_FIELD = list('@include(if: true)');
