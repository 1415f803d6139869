import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import {
  AcceptPolicyVersionDocument,
  ExportMyDataDocument,
  FileComplaintDocument,
  MePrivacyReportDocument,
  MyPrivacyReportDocument,
  BookingTravellerDocument,
  ReportContentDocument,
} from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, client, staff, traveller } from '../support/principals.js';
import { freshTraveller, grantConsents, paidUpcomingBooking, publishedReview, type FreshUser, type PaidBooking } from './fresh-user.fixtures.js';

let app: InProcessApp;
let u: FreshUser;
let booking: PaidBooking;
let me: Principal;
let disclosureRequest: string;
let reportedReview: string;

beforeAll(async () => {
  app = await openApp();
  u = await freshTraveller(app);
  await grantConsents(app, u.id, ['TOUR_BOOKING']);
  booking = await paidUpcomingBooking(app, u.id);
  await publishedReview(app, u.id, 'Хороший тур');
  me = await traveller(app, u.id);
  await app.run(me, AcceptPolicyVersionDocument, { version: '2024-06' });
  await app.run(me, FileComplaintDocument, {
    subject: 'Data shared',
    body: 'Why was my phone given out?',
    attachments: [{ name: 'letter.pdf', mimeType: 'application/pdf', sizeBytes: 4096, sha256: 'd'.repeat(64) }],
  });
  [{ id: reportedReview }] = await app.services.sql.rows<{ id: string }>(
    't_report_review',
    "select id from reviews where moderation_status = 'PUBLISHED' and author_id <> $1 order by id limit 1",
    [u.id],
  );
  await app.run(me, ReportContentDocument, { reviewId: reportedReview, reason: 'Spam in the review' });
  const read = await app.run(await client(app, 'PARTNER', booking.partnerId), BookingTravellerDocument, { id: booking.bookingId });
  disclosureRequest = read.requestId;
});
afterAll(async () => {
  await app.close();
});

describe('myPrivacyReport', () => {
  it("lists purposes with their basis and the person's consent, and consents with policy versions", async () => {
    const { body } = await app.run(me, MyPrivacyReportDocument);
    expect(body.errors).toBeUndefined();
    const r = body.data!.myPrivacyReport;
    const purpose = (p: string) => r.purposes.find((x) => x.purpose === p);
    expect(purpose('TOUR_BOOKING')).toEqual({ purpose: 'TOUR_BOOKING', basis: 'CONSENT', consented: true });
    // Never decided: opt-out analytics is in effect, as the analytics population counts them.
    expect(purpose('ANALYTICS')).toEqual({ purpose: 'ANALYTICS', basis: 'OPT_OUT', consented: true });
    expect(purpose('ACCOUNT')).toEqual({ purpose: 'ACCOUNT', basis: 'CONTRACT', consented: null });
    expect(r.consents.find((c) => c.purpose === 'TOUR_BOOKING')).toEqual({ purpose: 'TOUR_BOOKING', granted: true, policyVersion: '2024-06' });
    expect(r.acceptedPolicyVersions).toEqual(['2024-06']);
  });

  it('names the filled fields and record counts with their retention, never the values', async () => {
    const { body } = await app.run(me, MyPrivacyReportDocument);
    const r = body.data!.myPrivacyReport;
    const cat = (c: string) => r.dataHeld.find((x) => x.category === c)!;
    expect(cat('ACCOUNT').filled.sort()).toEqual(['email', 'firstName', 'gender', 'messengers', 'patronymic', 'phone', 'surname']);
    expect(cat('IDENTITY_DOCUMENTS').filled.sort()).toEqual(['iin', 'passportNumber']);
    expect(cat('TRANSACTIONS')).toMatchObject({ filled: ['bookings', 'payments'], records: 2, retention: expect.stringContaining('5 years') });
    expect(cat('DISCLOSURE_LOG')).toMatchObject({ records: 1, retention: '3 years' });
    expect(cat('COMPLAINTS_AND_REPORTS')).toMatchObject({ filled: ['complaints', 'contentReports'], records: 2 });
    const text = JSON.stringify(body);
    for (const v of [u.phone, u.surname, u.firstName, u.email, u.iin, u.passport, u.telegram]) expect(text).not.toContain(v);
  });

  it('names the recipients and where they are, reports no transfer abroad, and shows the disclosure log', async () => {
    const { body } = await app.run(me, MyPrivacyReportDocument);
    const r = body.data!.myPrivacyReport;
    const [names] = await app.services.sql.rows<{ operator: string; provider: string }>(
      't_report_names',
      `select (select name from partners where id = $1) as operator,
      (select name from partners where id = $2) as provider`,
      [booking.partnerId, booking.providerId],
    );
    expect(r.recipients).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: names.operator, kind: 'TOUR_OPERATOR', country: 'KZ', reasons: ['BOOKED_TOUR', 'DISCLOSED'] }),
        expect.objectContaining({ name: names.provider, kind: 'PAYMENT_PROVIDER', country: 'KZ', reasons: ['PAYMENT'] }),
        expect.objectContaining({ kind: 'PROCESSOR', reasons: ['PROCESSOR'] }),
      ]),
    );
    for (const rec of r.recipients) expect(rec.city).not.toBe('');
    expect(r.crossBorder).toEqual({ storedIn: 'KZ', transfers: [], consent: { purpose: 'CROSS_BORDER_TRANSFER', granted: false, policyVersion: null } });
    expect(r.disclosureCount).toBe(1);
    expect(r.disclosures).toEqual([
      expect.objectContaining({ purpose: 'TOUR_BOOKING', reference: null, recipient: { kind: 'PARTNER', partner: { id: booking.partnerId, name: names.operator } } }),
    ]);
    expect(r.disclosures[0].kinds).toEqual(expect.arrayContaining(['IIN', 'PASSPORT', 'PHONE']));
    const [logged] = await app.services.sql.rows<{ id: string }>('t_report_disc', 'select id from disclosures where request_id = $1', [disclosureRequest]);
    expect(r.disclosures[0].id).toBe(logged.id);
  });

  it('is also a field of me, and is for the traveller alone', async () => {
    const own = await app.run(me, MePrivacyReportDocument);
    expect(own.body.data!.me!.privacyReport.disclosureCount).toBe(1);
    const anon = await app.run(anonymous, MyPrivacyReportDocument);
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const support = await app.run(await staff(app, 'support'), MyPrivacyReportDocument);
    expect(support.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('exportMyData', () => {
  it('returns everything held as JSON, identity documents decrypted, without logging a disclosure', async () => {
    const res = await app.run(me, ExportMyDataDocument);
    expect(res.body.errors).toBeUndefined();
    const doc = res.body.data!.exportMyData as Record<string, any>;
    expect(doc.profile).toMatchObject({
      id: u.id,
      phone: u.phone,
      surname: u.surname,
      firstName: u.firstName,
      email: u.email,
      iin: u.iin,
      passportNumber: u.passport,
      messengers: { telegram: u.telegram, whatsapp: u.whatsapp },
    });
    expect(doc.consents).toEqual([expect.objectContaining({ purpose: 'TOUR_BOOKING', granted: true, policyVersion: '2024-06' })]);
    expect(doc.consentEvents.map((e: any) => e.action).sort()).toEqual(['GRANTED', 'POLICY_ACCEPTED']);
    expect(doc.bookings).toEqual([expect.objectContaining({ id: booking.bookingId, status: 'PAID' })]);
    expect(doc.payments).toEqual([expect.objectContaining({ id: booking.paymentId, bookingId: booking.bookingId, status: 'CONFIRMED' })]);
    expect(doc.reviews).toHaveLength(1);
    // The texts the traveller wrote are stored sealed under their key; the export opens them and carries nothing sealed.
    expect(doc.complaints).toEqual([
      {
        id: expect.any(String),
        subject: 'Data shared',
        body: 'Why was my phone given out?',
        status: 'RECEIVED',
        createdAt: expect.any(String),
        attachments: [{ name: 'letter.pdf', mimeType: 'application/pdf', sizeBytes: 4096, sha256: 'd'.repeat(64) }],
      },
    ]);
    expect(doc.contentReports).toEqual([{ id: expect.any(String), reviewId: reportedReview, reason: 'Spam in the review', status: 'OPEN', createdAt: expect.any(String) }]);
    expect(doc.disclosures).toEqual([expect.objectContaining({ recipientKind: 'PARTNER', purpose: 'TOUR_BOOKING' })]);
    const own = await app.services.sql.rows('t_export_disc', 'select 1 from disclosures where request_id = $1', [res.requestId]);
    expect(own).toHaveLength(0);
  });

  it('is refused to everyone but the traveller', async () => {
    const admin = await app.run(await staff(app, 'admin'), ExportMyDataDocument);
    expect(admin.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(admin.body.data).toBeNull();
  });
});
