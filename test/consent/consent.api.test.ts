import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningGateway } from '../../src/gateway.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { GrantConsentDocument, MyConsentsDocument, WithdrawConsentDocument } from '../generated/operations.js';
import { startTestGateway } from '../support/gateway.js';
import { gql } from '../support/http.js';
import { bearer, tokenFor } from '../support/tokens.js';
import { asUser, bareTraveller } from '../support/users.js';

let gw: RunningGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw.close();
});

async function consentOf(headers: Record<string, string>, purpose: string) {
  const { body } = await gql(gw.url, MyConsentsDocument, undefined, headers);
  return body.data!.me!.consents.find((c) => c.purpose === purpose)!;
}

async function events(userId: string, purpose: string): Promise<string[]> {
  const rows = await gw.services.sql.rows<{ action: string }>('t_consent_events', 'select action from consent_events where user_id = $1 and purpose = $2 order by at, id', [
    userId,
    purpose,
  ]);
  return rows.map((r) => r.action);
}

describe('grantConsent and withdrawConsent', () => {
  it('change the state under the current policy version, effective on the next request, with one proof event each', async () => {
    const user = await bareTraveller(gw);
    const headers = await asUser(gw, user);
    expect(await consentOf(headers, 'COMMUNICATION')).toEqual({ purpose: 'COMMUNICATION', granted: false, policyVersion: null, updatedAt: null });

    const granted = await gql(gw.url, GrantConsentDocument, { purpose: 'COMMUNICATION' }, headers);
    expect(granted.body.errors).toBeUndefined();
    expect(granted.body.data!.grantConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { purpose: 'COMMUNICATION', granted: true, policyVersion: '2024-06' } });
    expect(await consentOf(headers, 'COMMUNICATION')).toMatchObject({ granted: true, policyVersion: '2024-06' });

    const withdrawn = await gql(gw.url, WithdrawConsentDocument, { purpose: 'COMMUNICATION' }, headers);
    expect(withdrawn.body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { granted: false } });
    expect(await consentOf(headers, 'COMMUNICATION')).toMatchObject({ granted: false, policyVersion: '2024-06' });
    expect(await events(user, 'COMMUNICATION')).toEqual(['GRANTED', 'WITHDRAWN']);
  });

  it('show opt-out ANALYTICS as in effect: on for a traveller who never decided (who is counted), off once withdrawn', async () => {
    const user = await bareTraveller(gw);
    const headers = await asUser(gw, user);
    expect(await consentOf(headers, 'ANALYTICS')).toEqual({ purpose: 'ANALYTICS', granted: true, policyVersion: null, updatedAt: null });
    expect(await consentOf(headers, 'CROSS_BORDER_TRANSFER')).toMatchObject({ granted: false, policyVersion: null });
    const withdrawn = await gql(gw.url, WithdrawConsentDocument, { purpose: 'ANALYTICS' }, headers);
    expect(withdrawn.body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentChanged', consent: { purpose: 'ANALYTICS', granted: false, policyVersion: '2024-06' } });
    expect(await consentOf(headers, 'ANALYTICS')).toMatchObject({ granted: false });
    expect(await events(user, 'ANALYTICS')).toEqual(['WITHDRAWN']);
  });

  it('let a traveller without bookings withdraw tour-booking consent', async () => {
    const user = await bareTraveller(gw);
    const headers = await asUser(gw, user);
    await gql(gw.url, GrantConsentDocument, { purpose: 'TOUR_BOOKING' }, headers);
    const { body } = await gql(gw.url, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' }, headers);
    expect(body.data!.withdrawConsent.__typename).toBe('ConsentChanged');
    expect(await consentOf(headers, 'TOUR_BOOKING')).toMatchObject({ granted: false });
  });

  it('are refused to anonymous callers and to staff', async () => {
    const anon = await gql(gw.url, GrantConsentDocument, { purpose: 'ANALYTICS' });
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const staff = await gql(gw.url, WithdrawConsentDocument, { purpose: 'ANALYTICS' }, bearer(await tokenFor(gw, 'SUPPORT', { sub: DEMO_STAFF.support.id })));
    expect(staff.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('withdrawing tour-booking consent while a paid tour is pending', () => {
  it('is refused and changes nothing', async () => {
    const [{ userId }] = await gw.services.sql.rows<{ userId: string }>(
      't_consent_paid_upcoming',
      `select b.user_id as "userId" from bookings b
      join tours t on t.id = b.tour_id join consents c on c.user_id = b.user_id and c.purpose = 'TOUR_BOOKING' and c.granted
      where b.status = 'PAID' and t.ends_on >= current_date order by b.user_id limit 1`,
    );
    const before = await events(userId, 'TOUR_BOOKING');
    const headers = await asUser(gw, userId);
    const { body } = await gql(gw.url, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' }, headers);
    expect(body.errors).toBeUndefined();
    expect(body.data!.withdrawConsent).toMatchObject({ __typename: 'ConsentWithdrawalRefused', reason: 'OBLIGATION_PENDING' });
    expect(await consentOf(headers, 'TOUR_BOOKING')).toMatchObject({ granted: true });
    expect(await events(userId, 'TOUR_BOOKING')).toEqual(before);
  });

  it('is allowed once the paid tour has ended', async () => {
    const user = await bareTraveller(gw);
    const [tour] = await gw.services.sql.rows<{ id: string }>('t_consent_ended_tour', 'select id from tours where ends_on < current_date - 60 order by id limit 1');
    const booking = randomUUID();
    await gw.services.sql.rows(
      't_consent_paid_past',
      `insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key, created_at)
      values ($1, $2, $3, 1, 'PAID', 1000, 'test-ended-tour', current_date - 90)`,
      [booking, user, tour.id],
    );
    try {
      const headers = await asUser(gw, user);
      await gql(gw.url, GrantConsentDocument, { purpose: 'TOUR_BOOKING' }, headers);
      const { body } = await gql(gw.url, WithdrawConsentDocument, { purpose: 'TOUR_BOOKING' }, headers);
      expect(body.data!.withdrawConsent.__typename).toBe('ConsentChanged');
    } finally {
      await gw.services.sql.rows('t_consent_drop_booking', 'delete from bookings where id = $1', [booking]);
    }
  });
});
