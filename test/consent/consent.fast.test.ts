import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal } from '../../src/access/principal.js';
import { GrantConsentDocument, MyConsentsDocument, WithdrawConsentDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { anonymous, staff, traveller } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

async function consentOf(me: Principal, purpose: string) {
  const { body } = await app.run(me, MyConsentsDocument);
  return body.data!.me!.consents.find((c) => c.purpose === purpose)!;
}

async function events(userId: string, purpose: string): Promise<string[]> {
  const rows = await app.services.sql.rows<{ action: string }>('t_consent_events', 'select action from consent_events where user_id = $1 and purpose = $2 order by at, id', [
    userId,
    purpose,
  ]);
  return rows.map((r) => r.action);
}

describe('grantConsent and withdrawConsent', () => {
  it('change the state under the current policy version, effective on the next request, with one proof event each', async () => {
    const user = await bareTraveller(app);
    const me = await traveller(app, user);
    expect(await consentOf(me, 'COMMUNICATION')).toEqual({ purpose: 'COMMUNICATION', granted: false, policyVersion: null, updatedAt: null });

    const granted = await app.run(me, GrantConsentDocument, { purpose: 'COMMUNICATION' });
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data!.grantConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { purpose: 'COMMUNICATION', granted: true, policyVersion: '2024-06' } });
    expect(await consentOf(me, 'COMMUNICATION')).toMatchObject({ granted: true, policyVersion: '2024-06' });

    const withdrawn = await app.run(me, WithdrawConsentDocument, { purpose: 'COMMUNICATION' });
    expect(withdrawn.body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { granted: false } });
    expect(await consentOf(me, 'COMMUNICATION')).toMatchObject({ granted: false, policyVersion: '2024-06' });
    expect(await events(user, 'COMMUNICATION')).toEqual(['GRANTED', 'WITHDRAWN']);
  });

  it('show opt-out ANALYTICS as in effect: on for a traveller who never decided (who is counted), off once withdrawn', async () => {
    const user = await bareTraveller(app);
    const me = await traveller(app, user);
    expect(await consentOf(me, 'ANALYTICS')).toEqual({ purpose: 'ANALYTICS', granted: true, policyVersion: null, updatedAt: null });
    expect(await consentOf(me, 'CROSS_BORDER_TRANSFER')).toMatchObject({ granted: false, policyVersion: null });
    const withdrawn = await app.run(me, WithdrawConsentDocument, { purpose: 'ANALYTICS' });
    expect(withdrawn.body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { purpose: 'ANALYTICS', granted: false, policyVersion: '2024-06' } });
    expect(await consentOf(me, 'ANALYTICS')).toMatchObject({ granted: false });
    expect(await events(user, 'ANALYTICS')).toEqual(['WITHDRAWN']);
  });

  it('let a traveller without bookings withdraw tour-booking consent', async () => {
    const user = await bareTraveller(app);
    const me = await traveller(app, user);
    await app.run(me, GrantConsentDocument, { purpose: 'TOUR_BOOKING' });
    const { body } = await app.run(me, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' });
    expect(body.data!.withdrawConsent.__typename).toBe('ConsentChanged');
    expect(await consentOf(me, 'TOUR_BOOKING')).toMatchObject({ granted: false });
  });

  it('are refused to anonymous callers and to staff', async () => {
    const anon = await app.run(anonymous, GrantConsentDocument, { purpose: 'ANALYTICS' });
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const support = await app.run(await staff(app, 'support'), WithdrawConsentDocument, { purpose: 'ANALYTICS' });
    expect(support.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('withdrawing tour-booking consent while a paid tour is pending', () => {
  it('is refused and changes nothing', async () => {
    const [{ userId }] = await app.services.sql.rows<{ userId: string }>(
      't_consent_paid_upcoming',
      `select b.user_id as "userId" from bookings b
      join tours t on t.id = b.tour_id join consents c on c.user_id = b.user_id and c.purpose = 'TOUR_BOOKING' and c.granted
      where b.status = 'PAID' and t.ends_on >= current_date order by b.user_id limit 1`,
    );
    const before = await events(userId, 'TOUR_BOOKING');
    const me = await traveller(app, userId);
    const { body } = await app.run(me, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' });
    expect(body.errors).toBeUndefined();
    expect(body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentWithdrawalRefused', reason: 'OBLIGATION_PENDING' });
    expect(await consentOf(me, 'TOUR_BOOKING')).toMatchObject({ granted: true });
    expect(await events(userId, 'TOUR_BOOKING')).toEqual(before);
  });

  it('is allowed once the paid tour has ended', async () => {
    const user = await bareTraveller(app);
    const [tour] = await app.services.sql.rows<{ id: string }>('t_consent_ended_tour', 'select id from tours where ends_on < current_date - 60 order by id limit 1');
    const booking = randomUUID();
    await app.services.sql.rows(
      't_consent_paid_past',
      `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
      values ($1, $2, $3, 1, 'PAID', 1000, 'test-ended-tour', current_date - 90)`,
      [booking, user, tour.id],
    );
    try {
      const me = await traveller(app, user);
      await app.run(me, GrantConsentDocument, { purpose: 'TOUR_BOOKING' });
      const { body } = await app.run(me, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' });
      expect(body.data!.withdrawConsent.__typename).toBe('ConsentChanged');
    } finally {
      await app.services.sql.rows('t_consent_drop_booking', 'delete from bookings where id = $1', [booking]);
    }
  });
});
