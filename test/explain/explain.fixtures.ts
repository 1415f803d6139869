import { expect } from '@jest/globals';
import { maskValue } from '../../src/privacy/privacy.masks.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { insertBooking, insertTour, OPERATORS, setBookingConsent, travellers } from '../bookings/booking.fixtures.js';
import { FIELDS, rawPerson, type RawPerson } from '../privacy/exposure.fixtures.js';
import type { WithServices } from '../support/in-process.js';

export const P = OPERATORS[7];
export const CLIENT = DEMO_CLIENTS.find((c) => c.partnerId === P && c.kind === 'PARTNER')!;
export const TICKET = DEMO_TICKETS.find((t) => t.status === 'OPEN' && t.assignedToId === DEMO_STAFF.support.id)!;

export interface ExplainScene {
  tourId: string;
  people: string[];
  /** The travellers' and the ticket user's stored values: what no explanation may show. */
  raws: RawPerson[];
}

/** A tour of P's with three paid bookings: two travellers consent to sharing with the partner, the third withdrew. */
export async function explainScene(gw: WithServices): Promise<ExplainScene> {
  const sql = gw.services.sql;
  const people = await travellers(sql, 3, 60);
  await setBookingConsent(sql, people.slice(0, 2), true);
  await setBookingConsent(sql, people.slice(2), false);
  const tourId = await insertTour(sql, { partnerId: P, capacity: 10 });
  for (const u of people) await insertBooking(sql, u, tourId, 'PAID', 2);
  const raws = await Promise.all([...people, TICKET.userId].map((id) => rawPerson(gw, id)));
  return { tourId, people, raws };
}

/** Not a value, masked or not, of anyone the explained query reached. */
export function expectNoValues(res: { body: unknown }, raws: RawPerson[]): void {
  const text = JSON.stringify(res.body);
  for (const raw of raws) {
    for (const f of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
      const v = raw[f];
      if (v === null) continue;
      expect(text).not.toContain(v);
      const mask = maskValue(FIELDS[f], f === 'fullName' ? raw.name : v);
      if (mask !== null && mask.length > 3) expect(text).not.toContain(mask);
    }
    for (const part of [raw.name.firstName, raw.name.surname]) if (part) expect(text).not.toContain(part);
  }
}
