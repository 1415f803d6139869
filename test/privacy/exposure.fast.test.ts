import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  BookingTravellerDocument,
  PersonAliasedDocument,
  PersonByIdDocument,
  ProviderPayersDocument,
  ReviewAuthorsDocument,
  TourTravellersDocument,
} from '../generated/operations.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, staff, traveller, type Declared } from '../support/principals.js';
import { checkPerson, expectation, rawPerson, type Field } from './exposure.fixtures.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});

async function authorOf(reviewId: string): Promise<string> {
  const [r] = await app.services.sql.rows<{ author: string }>('t_review_author', 'select author_id as author from reviews where id = $1', [reviewId]);
  return r.author;
}
afterAll(async () => {
  await app.close();
});

const MASKABLE: Field[] = ['fullName', 'phone', 'email', 'iin', 'passportNumber'];
const NAME_ONLY = expectation([], ['fullName']);

async function staffPerson(role: keyof typeof DEMO_STAFF, subject: string, declared: Declared = {}) {
  return app.run(await staff(app, role, declared), PersonByIdDocument, { id: subject });
}

async function expectPerson(res: Awaited<ReturnType<typeof staffPerson>>, subject: string, want: ReturnType<typeof expectation>) {
  expect(res.body.errors).toBeUndefined();
  expect(checkPerson(res.body.data!.person as Record<string, unknown>, await rawPerson(app, subject), want)).toEqual([]);
}

describe('who sees what: every principal kind of the DESIGN.md table', () => {
  const ticket = DEMO_TICKETS.find((t) => t.status === 'OPEN')!;
  let stranger: string;
  beforeAll(async () => {
    [{ id: stranger }] = await app.services.sql.rows<{ id: string }>(
      't_stranger',
      "select id from users where role = 'TRAVELER' and iin_bidx is not null and passport_bidx is not null and id <> $1 order by id limit 1",
      [ticket.userId],
    );
  });

  it('anonymous and other users see only the display name of review authors', async () => {
    for (const caller of [anonymous, await traveller(app, stranger)]) {
      const { body } = await app.run(caller, ReviewAuthorsDocument);
      const reviews = body.data!.tours.nodes.flatMap((t) => t.reviews).filter((r) => r.author !== null);
      expect(reviews.length).toBeGreaterThan(3);
      for (const r of reviews.slice(0, 10)) {
        const author = await authorOf(r.id);
        if (author === stranger) continue;
        expect(checkPerson(r.author! as Record<string, unknown>, await rawPerson(app, author), NAME_ONLY)).toEqual([]);
        // The public id is a handle per review, so one person's reviews do not link their trips.
        expect(r.author!.id).not.toBe(author);
      }
      const withheld = (body.extensions!.privacy as { withheld: { path: unknown[]; reason: string }[] }).withheld;
      expect(withheld.some((w) => w.path.join('.').endsWith('author.iin'))).toBe(true);
    }
  });

  it('anonymous callers cannot look people up at all', async () => {
    const { body } = await app.run(anonymous, PersonByIdDocument, { id: stranger });
    expect(body.data).toEqual({ person: null });
    expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('support with the ticket reference sees the ticket user in full, identity documents masked', async () => {
    await expectPerson(
      await staffPerson('support', ticket.userId, { reference: ticket.reference }),
      ticket.userId,
      expectation(['fullName', 'phone', 'email'], ['iin', 'passportNumber']),
    );
  });

  it('support with a reference for someone else, or without one, sees everything masked', async () => {
    const masked = expectation([], MASKABLE);
    await expectPerson(await staffPerson('support', stranger, { reference: ticket.reference }), stranger, masked);
    await expectPerson(await staffPerson('support', ticket.userId), ticket.userId, masked);
  });

  it('moderators see names in full and the rest masked', async () => {
    await expectPerson(await staffPerson('moderator', stranger), stranger, expectation(['fullName'], ['phone', 'email', 'iin', 'passportNumber']));
  });

  it('auditors and administrators (ACCOUNT) see masked values only', async () => {
    await expectPerson(await staffPerson('auditor', stranger), stranger, expectation([], MASKABLE));
    await expectPerson(await staffPerson('admin', stranger), stranger, expectation([], MASKABLE));
  });

  it('a made-up fraud case reference gives what no reference gives: masked, nothing logged', async () => {
    const res = await staffPerson('admin', stranger, { purpose: 'FRAUD_PREVENTION', reference: 'CASE-77' });
    await expectPerson(res, stranger, expectation([], MASKABLE));
    const reasons = (res.body.extensions!.privacy as { withheld: { reason: string }[] }).withheld.map((w) => w.reason);
    expect(new Set(reasons)).toEqual(new Set(['NOT_VIA_FRAUD_CASE']));
    const rows = await app.services.sql.rows('t_disc_req', 'select 1 from disclosures where request_id = $1', [res.requestId]);
    expect(rows).toHaveLength(0);
    await expectPerson(await staffPerson('admin', stranger, { purpose: 'FRAUD_PREVENTION' }), stranger, expectation([], MASKABLE));
  });

  it('analysts get keyed pseudonyms for identities, stable across requests', async () => {
    const a = await staffPerson('analyst', stranger);
    await expectPerson(a, stranger, expectation([], [], ['fullName', 'phone', 'email', 'iin', 'passportNumber']));
    const b = await staffPerson('analyst', stranger);
    expect(b.body.data!.person!.iin).toBe(a.body.data!.person!.iin);
  });

  it('a staff role declaring a purpose it may not use is refused', async () => {
    await expect(staffPerson('moderator', stranger, { purpose: 'FRAUD_PREVENTION', reference: 'CASE-1' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'PURPOSE_NOT_ALLOWED' },
    });
  });

  it('authorities read exactly the requested fields of an approved, unexpired request', async () => {
    const sql = app.services.sql;
    await sql.rows(
      't_auth_req',
      `insert into authority_requests (id, agency, legal_basis, case_number, subject_id, kinds, expires_at, recorded_by_id, approved_by_id, status, addressed_to_id)
      values (gen_random_uuid(), 'Финмониторинг', 'Law 94-V art. 9', 'AR-500', $1, '{IIN,FULL_NAME}', now() + interval '1 day', $2, $3, 'APPROVED', $4),
             (gen_random_uuid(), 'Финмониторинг', 'Law 94-V art. 9', 'AR-501', $1, '{IIN,FULL_NAME,PHONE}', now() - interval '1 minute', $2, $3, 'APPROVED', $4)`,
      [stranger, DEMO_STAFF.admin.id, DEMO_STAFF.secondAdmin.id, DEMO_STAFF.authority.id],
    );
    await expectPerson(await staffPerson('authority', stranger, { reference: 'AR-500' }), stranger, expectation(['iin', 'fullName']));
    await expectPerson(await staffPerson('authority', stranger, { reference: 'AR-501' }), stranger, NAME_ONLY);
    await expectPerson(await staffPerson('authority', ticket.userId, { reference: 'AR-500' }), ticket.userId, NAME_ONLY);
  });

  it('aliases and fragments get the same decision as plain fields', async () => {
    const { body } = await app.run(await staff(app, 'support', { reference: ticket.reference }), PersonAliasedDocument, { id: ticket.userId });
    const raw = await rawPerson(app, ticket.userId);
    expect(body.data!.a!.iin).toBe(body.data!.b!.secret);
    expect(body.data!.b!.secret).not.toBe(raw.iin);
    expect(body.data!.b!.doc).not.toBe(raw.passportNumber);
    expect(body.data!.a!.phone).toBe(raw.phone);
  });
});

describe('partners and payment providers: row by row', () => {
  interface Candidate {
    tourId: string;
    partnerId: string;
    bookingId: string;
    userId: string;
  }
  let c: Candidate;
  beforeAll(async () => {
    [c] = await app.services.sql.rows<Candidate>(
      't_partner_tour',
      `select t.id as "tourId", t.partner_id as "partnerId", b.id as "bookingId", b.user_id as "userId"
      from bookings b join tours t on t.id = b.tour_id join consents k on k.user_id = b.user_id and k.purpose = 'TOUR_BOOKING' and k.granted
      join payments p on p.booking_id = b.id
      where b.status in ('PAID', 'COMPLETED') and now() >= b.created_at and now() < b.access_until order by b.id limit 1`,
    );
    expect(c).toBeDefined();
  });

  // The test's own reading of the table: related (booked, inside the window) and consenting travellers in full.
  async function partnerExpectation(bookingId: string, userId: string, partnerId: string) {
    const [f] = await app.services.sql.rows<{ related: boolean; consent: boolean }>(
      't_partner_expect',
      `select
      exists(select 1 from bookings b join tours t on t.id = b.tour_id where b.id = $3 and b.user_id = $1 and t.partner_id = $2
        and b.status in ('PENDING_PAYMENT', 'PAID', 'COMPLETED') and now() >= b.created_at and now() < b.access_until) as related,
      exists(select 1 from consents where user_id = $1 and purpose = 'TOUR_BOOKING' and granted) as consent`,
      [userId, partnerId, bookingId],
    );
    return f.related && f.consent ? expectation(['fullName', 'phone', 'passportNumber', 'iin', 'gender']) : NAME_ONLY;
  }

  it('the tour partner sees consenting travellers in full and logs each disclosure', async () => {
    const res = await app.run(await client(app, 'PARTNER', c.partnerId), TourTravellersDocument, { id: c.tourId });
    expect(res.body.errors).toBeUndefined();
    const bookings = res.body.data!.tour!.bookings.nodes;
    expect(bookings.length).toBeGreaterThan(0);
    let full = 0;
    for (const { id: bookingId, traveller: t } of bookings) {
      const want = await partnerExpectation(bookingId, t.id, c.partnerId);
      if (want.iin === 'FULL') full++;
      expect(checkPerson(t as Record<string, unknown>, await rawPerson(app, t.id), want)).toEqual([]);
    }
    expect(full).toBeGreaterThan(0);
    const logged = await app.services.sql.rows<{ subject_id: string }>(
      't_disc_partner',
      "select subject_id from disclosures where request_id = $1 and recipient_kind = 'PARTNER'",
      [res.requestId],
    );
    expect(logged).toHaveLength(full);
  });

  it('withdrawn consent takes effect on the next request', async () => {
    const partner = await client(app, 'PARTNER', c.partnerId);
    const sql = app.services.sql;
    await sql.rows('t_withdraw', "update consents set granted = false where user_id = $1 and purpose = 'TOUR_BOOKING'", [c.userId]);
    try {
      const { body } = await app.run(partner, BookingTravellerDocument, { id: c.bookingId });
      expect(checkPerson(body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, c.userId), NAME_ONLY)).toEqual([]);
      const reasons = (body.extensions!.privacy as { withheld: { reason: string }[] }).withheld.map((w) => w.reason);
      expect(reasons).toContain('NO_CONSENT');
    } finally {
      await sql.rows('t_regrant', "update consents set granted = true where user_id = $1 and purpose = 'TOUR_BOOKING'", [c.userId]);
    }
  });

  it('without the travelers:read scope a partner sees display names only', async () => {
    const { body } = await app.run(await client(app, 'PARTNER', c.partnerId, { scopes: ['bookings:read'] }), BookingTravellerDocument, { id: c.bookingId });
    expect(checkPerson(body.data!.booking!.traveller as Record<string, unknown>, await rawPerson(app, c.userId), NAME_ONLY)).toEqual([]);
  });

  it("another partner can neither open the booking nor list the tour's bookings", async () => {
    const [{ other }] = await app.services.sql.rows<{ other: string }>('t_other_partner', "select id as other from partners where kind = 'TOUR_OPERATOR' and id <> $1 limit 1", [
      c.partnerId,
    ]);
    const partner = await client(app, 'PARTNER', other);
    const one = await app.run(partner, BookingTravellerDocument, { id: c.bookingId });
    expect(one.body.errors![0].extensions!.code).toBe('NOT_FOUND');
    const list = await app.run(partner, TourTravellersDocument, { id: c.tourId });
    expect(list.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(JSON.stringify(list.body)).not.toContain((await rawPerson(app, c.userId)).phone!);
  });

  it('the payment provider sees the payer of a payment it processes (name, e-mail, phone) inside the window, and the same person as a traveller only publicly', async () => {
    const [{ provider }] = await app.services.sql.rows<{ provider: string }>('t_provider', 'select provider_id as provider from payments where booking_id = $1', [c.bookingId]);
    const res = await app.run(await client(app, 'PAYMENT_PROVIDER', provider), ProviderPayersDocument, { first: 100 });
    expect(res.body.errors).toBeUndefined();
    const sql = app.services.sql;
    let inWindow = 0;
    for (const p of res.body.data!.providerPayments.nodes) {
      const [f] = await sql.rows<{ open: boolean; payer: string }>(
        't_payer_window',
        `select (p.status = 'PENDING' or now() < p.settled_at + interval '30 days') as open, b.user_id as payer
        from payments p join bookings b on b.id = p.booking_id where p.id = $1 and p.provider_id = $2`,
        [p.id, provider],
      );
      expect(f).toBeDefined();
      const raw = await rawPerson(app, f.payer);
      if (f.open) inWindow++;
      expect(checkPerson(p.payer as Record<string, unknown>, raw, f.open ? expectation(['fullName', 'email', 'phone']) : NAME_ONLY)).toEqual([]);
      expect(checkPerson(p.booking.traveller as Record<string, unknown>, raw, NAME_ONLY)).toEqual([]);
    }
    expect(inWindow).toBeGreaterThan(0);
    expect(res.body.data!.providerPayments.nodes.length - inWindow).toBeGreaterThan(0);
    const reasons = (res.body.extensions!.privacy as { withheld: { path: unknown[]; kind: string; reason: string }[] }).withheld
      .filter((w) => w.path.includes('traveller') && (w.kind === 'PHONE' || w.kind === 'EMAIL'))
      .map((w) => w.reason);
    expect(new Set(reasons)).toEqual(new Set(['NOT_VIA_PAYMENT']));
    const rows = await sql.rows<{ edge: string; reference_kind: string }>('t_disc_payer', 'select distinct edge, reference_kind from disclosures where request_id = $1', [
      res.requestId,
    ]);
    expect(rows).toEqual([{ edge: 'PAYMENT_PAYER', reference_kind: 'PAYMENT' }]);
  });
});
