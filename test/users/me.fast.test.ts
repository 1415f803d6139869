import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { MyAccountDocument, MyDisclosuresDocument } from '../generated/operations.js';
import { openApp, type InProcessApp } from '../support/in-process.js';
import { insertPerson } from '../support/persons.js';
import { anonymous, staff, traveller } from '../support/principals.js';
import { bareTraveller } from '../support/users.js';

let app: InProcessApp;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

describe("me: the traveller's own account", () => {
  it("shows the caller's own data in full, the IIN and passport decrypted, and logs no disclosure", async () => {
    const id = `ff${randomUUID().slice(2)}`;
    const { sql } = app.services;
    const iin = '061211600012';
    const user = { phone: `+7799${String(randomInt(1e7)).padStart(7, '0')}` };
    await insertPerson(app, {
      id,
      phone: user.phone,
      firstName: 'Тест',
      patronymic: 'Тестович',
      surname: 'Тестов',
      gender: 'MALE',
      email: 'test@mail.kz',
      iin,
      passport: 'N00000001',
      messengers: { telegram: '@tester' },
    });
    const { body } = await app.run(await traveller(app, id), MyAccountDocument);
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.privacy).toBeUndefined();
    expect(body.data!.me!.id).toBe(id);
    expect(body.data!.me!.profile).toEqual({
      id,
      fullName: 'Тест Тестович Тестов',
      phone: user.phone,
      email: 'test@mail.kz',
      iin,
      passportNumber: 'N00000001',
      gender: 'MALE',
      messengers: '{"telegram":"@tester"}',
    });
    const [logged] = await sql.rows<{ n: number }>('t_me_disclosures', 'select count(*)::int as n from disclosures where subject_id = $1', [id]);
    expect(logged.n).toBe(0);
  });

  it('lists every consentable purpose with its state and policy version', async () => {
    const { body } = await app.run(await traveller(app, DEMO_TRAVELERS[1].id), MyAccountDocument);
    const consents = body.data!.me!.consents;
    expect(consents.map((c) => c.purpose)).toEqual(['TOUR_BOOKING', 'COMMUNICATION', 'ANALYTICS', 'CROSS_BORDER_TRANSFER']);
    const booking = consents.find((c) => c.purpose === 'TOUR_BOOKING')!;
    expect(booking.granted).toBe(true);
    expect(booking.policyVersion).toBe('2024-06');
  });

  it('is refused to anonymous callers and to staff', async () => {
    const anon = await app.run(anonymous, MyAccountDocument);
    expect(anon.body.data?.me ?? null).toBeNull();
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const support = await app.run(await staff(app, 'support'), MyAccountDocument);
    expect(support.body.data?.me ?? null).toBeNull();
    expect(support.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe("me.disclosures: the subject's own disclosure log", () => {
  let subject: string;
  let partner: { id: string; name: string };
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  beforeAll(async () => {
    subject = await bareTraveller(app);
    [partner] = await app.services.sql.rows('t_me_partner', 'select id, name from partners order by id limit 1');
    // Two rows share one timestamp, so the page boundary must fall back on the id.
    await app.services.sql.rows(
      't_me_insert_disclosures',
      `insert into disclosures (id, recipient_kind, recipient_id, recipient_partner_id, subject_id, kinds, purpose, reference, request_id, at) values
      ($1, 'PARTNER', 'client-x', $4, $5, '{FULL_NAME,PHONE}', 'TOUR_BOOKING', null, 'req-1', '2026-01-10T10:00:00.123456Z'),
      ($2, 'SUPPORT', $6, null, $5, '{EMAIL}', 'SUPPORT', 'T-1001', 'req-2', '2026-01-11T10:00:00.123456Z'),
      ($3, 'ADMIN', $7, null, $5, '{IIN}', 'FRAUD_PREVENTION', 'CASE-7', 'req-3', '2026-01-11T10:00:00.123456Z')`,
      [...ids, partner.id, subject, DEMO_STAFF.support.id, DEMO_STAFF.admin.id],
    );
  });

  it('pages newest first with an exact keyset, naming the partner but no staff member', async () => {
    const me = await traveller(app, subject);
    const first = await app.run(me, MyDisclosuresDocument, { first: 2 });
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data!.me!.disclosures!;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await app.run(me, MyDisclosuresDocument, { first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.body.data!.me!.disclosures!;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.nodes, ...page2.nodes];
    expect(all.map((n) => n.id)).toEqual([...[ids[1], ids[2]].sort().reverse(), ids[0]]);
    expect(all[2]).toEqual({
      id: ids[0],
      recipient: { kind: 'PARTNER', partner },
      kinds: ['FULL_NAME', 'PHONE'],
      purpose: 'TOUR_BOOKING',
      reference: null,
      at: '2026-01-10T10:00:00.123Z',
      withheld: false,
    });
    expect(all.find((n) => n.id === ids[2])).toMatchObject({ recipient: { kind: 'ADMIN', partner: null }, purpose: 'FRAUD_PREVENTION', reference: 'CASE-7' });
    const text = JSON.stringify([first.body, second.body]);
    expect(text).not.toContain(DEMO_STAFF.support.id);
    expect(text).not.toContain('client-x');
  });

  it("shows nobody else's disclosures", async () => {
    const { body } = await app.run(await traveller(app, await bareTraveller(app)), MyDisclosuresDocument, { first: 50 });
    expect(body.data!.me!.disclosures!.nodes).toEqual([]);
  });

  it('refuses a cursor it did not issue without losing the rest of the account', async () => {
    const { body } = await app.run(await traveller(app, subject), MyDisclosuresDocument, { first: 2, after: 'bm90LWEtY3Vyc29y' });
    expect(body.data!.me!.id).toBe(subject);
    expect(body.data!.me!.disclosures).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
