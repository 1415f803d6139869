import { encodeCursor } from '../src/graphql/cursor.js';
import type { Fixtures } from './fixtures.js';
import { S1_BOOKINGS, S1_TOURS } from './fixtures.js';

export type TargetKind = 'raw' | 'gateway' | 'postgraphile';
export interface BenchRequest {
  path: string;
  body: string;
}

/** The fields S2 and S4 read of a tour; every target names them alike (PostGraphile's rowId is aliased to id). */
export const TOUR_FIELDS = ['id', 'title', 'region', 'startsOn', 'endsOn', 'priceKzt', 'capacity'] as const;
export type TourField = (typeof TOUR_FIELDS)[number];
export const S4_OPERATIONS = 200;

const gql = (query: string, variables?: Record<string, unknown>): BenchRequest => ({ path: '/graphql', body: JSON.stringify({ query, variables }) });
const raw = (path: string, body: unknown): BenchRequest => ({ path, body: JSON.stringify(body) });

/** S1 over the first `tours` of the window, which are the ones with bookings (the newest tours have none yet). */
export function s1(kind: TargetKind, fx: Fixtures, tours = S1_TOURS): BenchRequest {
  if (kind === 'raw') return raw('/s1', { partnerId: fx.partnerId, after: fx.after, first: tours, bookings: S1_BOOKINGS });
  if (kind === 'postgraphile') {
    return gql(
      `query S1($p: UUID!, $k: Int!, $n: Int!) { allToursList(condition: { partnerId: $p }, orderBy: [STARTS_ON_DESC, ROW_ID_DESC], first: $n, offset: $k) {
      id: rowId title bookings: bookingsByTourIdList(first: ${S1_BOOKINGS}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
        id: rowId seats traveller: userByUserId { id: rowId piiEnc gender } } } }`,
      { p: fx.partnerId, k: fx.offset + S1_TOURS - tours, n: tours },
    );
  }
  return gql(
    `query S1($after: String, $n: Int!) { partnerTours(first: $n, after: $after) { nodes {
    id title bookings(first: ${S1_BOOKINGS}) { nodes { id seats traveller { id fullName phone iin passportNumber gender } } } } } }`,
    { after: fx.after ? encodeCursor(fx.after.key, fx.after.id) : null, n: tours },
  );
}

export function s2(kind: TargetKind, fx: Fixtures): BenchRequest[] {
  const fields = 'id title region startsOn priceKzt capacity';
  return fx.tourIds.map((id) => {
    if (kind === 'raw') return raw('/s2', { id });
    if (kind === 'postgraphile') return gql(`query S2($id: UUID!) { tour: tourByRowId(rowId: $id) { ${fields.replace('id', 'id: rowId')} } }`, { id });
    return gql(`query S2($id: ID!) { tour(id: $id) { ${fields} } }`, { id });
  });
}

/** Operation i of S4: its own root alias, 3 to 7 fields in its own order, and every third one with a field alias. */
export interface S4Spec {
  alias: string;
  fields: { name: TourField; as: string }[];
}

export function s4Spec(i: number): S4Spec {
  const order = [...TOUR_FIELDS];
  // A fixed shuffle per i, so that the raw server rebuilds the same shape from the operation number.
  let x = (Math.imul(i, 2654435761) + 1) >>> 0;
  for (let j = order.length - 1; j > 0; j--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const k = x % (j + 1);
    [order[j], order[k]] = [order[k], order[j]];
  }
  const fields = order.slice(0, 3 + (i % 5)).map((name, j) => ({ name, as: i % 3 === 0 && j === 1 ? `f${i}` : name }));
  return { alias: `a${i}`, fields };
}

export function s4(kind: TargetKind, fx: Fixtures): BenchRequest[] {
  return Array.from({ length: S4_OPERATIONS }, (_, i) => {
    const id = fx.tourIds[i % fx.tourIds.length];
    if (kind === 'raw') return raw('/s4', { op: i, id });
    const spec = s4Spec(i);
    const sel = spec.fields
      .map((f) => {
        const name = kind === 'postgraphile' && f.name === 'id' ? 'rowId' : f.name;
        return f.as === name ? name : `${f.as}: ${name}`;
      })
      .join(' ');
    return kind === 'postgraphile'
      ? gql(`query Q${i}($id: UUID!) { ${spec.alias}: tourByRowId(rowId: $id) { ${sel} } }`, { id })
      : gql(`query Q${i}($id: ID!) { ${spec.alias}: tour(id: $id) { ${sel} } }`, { id });
  });
}

/** S5's variables for one write; the gateway's argument types come from introspection (createBooking is being built). */
export interface S5Args {
  userId: string;
  tourId: string;
  seats: number;
  idempotencyKey: string;
}
export interface S5Shape {
  tourId: string;
  seats: string;
  idempotencyKey: string;
}

export function s5(kind: Exclude<TargetKind, 'postgraphile'>, a: S5Args, shape: S5Shape | null): BenchRequest {
  if (kind === 'raw') return raw('/s5', a);
  if (!shape) throw new Error('createBooking is not in the schema');
  return gql(
    `mutation S5($tourId: ${shape.tourId}, $seats: ${shape.seats}, $key: ${shape.idempotencyKey}) {
    createBooking(tourId: $tourId, seats: $seats, idempotencyKey: $key) { __typename } }`,
    { tourId: a.tourId, seats: a.seats, key: a.idempotencyKey },
  );
}

/** S6, the mobile app's hot path: the signed-in traveller's own profile, consents and disclosure log (gateway only). */
export const S6_QUERY = `query Mobile { me { id
  profile { id fullName phone email iin passportNumber gender messengers }
  consents { purpose granted policyVersion updatedAt }
  disclosures(first: 20) { nodes { id recipient { kind partner { id name } } kinds purpose reference at } pageInfo { endCursor hasNextPage } } } }`;

export function s6(): BenchRequest {
  return gql(S6_QUERY);
}
