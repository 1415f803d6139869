import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { iinCheckDigit } from '../../src/privacy/iin-checksum.js';
import { storedPerson } from '../support/persons.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { MyAccountDocument, UpdateProfileDocument, type ProfileInput } from '../generated/operations.js';
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

/** A checksum-valid IIN behind the given prefix, random enough not to collide with seeded ones. */
function iinWith(prefix: string): string {
  for (;;) {
    const first11 = prefix + Array.from({ length: 11 - prefix.length }, () => randomInt(10)).join('');
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

async function update(userId: string, input: ProfileInput) {
  return app.run(await traveller(app, userId), UpdateProfileDocument, { input });
}

async function storedRow(id: string): Promise<Record<string, unknown>> {
  const [row] = await app.services.sql.rows<Record<string, unknown>>('t_profile_row', 'select * from users where id = $1', [id]);
  return row;
}

describe('updateProfile: validation', () => {
  let user: string;
  beforeAll(async () => {
    user = await bareTraveller(app);
  });

  const bad: [string, ProfileInput, string][] = [
    ['an IIN with a wrong check digit', { iin: '900101300812' }, 'iin'],
    ['an IIN whose prefix has no check digit', { iin: '900101300805' }, 'iin'],
    ['an IIN that is not 12 digits', { iin: '90010130081' }, 'iin'],
    ['a malformed passport number', { passportNumber: 'X1234567' }, 'passportNumber'],
    ['a malformed e-mail', { email: 'someone.at.mail.kz' }, 'email'],
    ['a name with digits', { surname: 'Ахметова2' }, 'surname'],
    ['a malformed Telegram handle', { messengers: { telegram: '@a b' } }, 'messengers.telegram'],
  ];
  it.each(bad)('refuses %s with BAD_USER_INPUT naming the field, not echoing the value', async (_what, input, field) => {
    const before = await storedRow(user);
    const { body } = await update(user, { ...input, firstName: 'Айгерім' });
    expect(body.data?.updateProfile ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const value = Object.values(input)[0];
    for (const v of typeof value === 'string' ? [value] : Object.values(value as object)) expect(body.errors![0].message).not.toContain(v);
    expect(await storedRow(user)).toEqual(before);
  });

  it('accepts an IIN whose digits are no date at all: only the check digit counts', async () => {
    const { body } = await update(user, { iin: iinWith('991399') });
    expect(body.data!.updateProfile.__typename).toBe('ProfileUpdated');
  });
});

describe('updateProfile: saving', () => {
  it('round-trips every field and stores IIN and passport only encrypted with a blind index', async () => {
    const user = await bareTraveller(app);
    const iin = iinWith('95');
    const { body } = await update(user, {
      surname: ' Сейтқали ',
      firstName: 'Әлия',
      patronymic: 'Бекқызы',
      gender: 'FEMALE',
      iin,
      passportNumber: 'n 1234 5678',
      email: 'Aliya.Seitkali@Mail.KZ',
      messengers: { telegram: 'aliya_s1', whatsapp: '8 (701) 555-12-34' },
    });
    expect(body.errors).toBeUndefined();
    const expected = {
      id: user,
      fullName: 'Әлия Бекқызы Сейтқали',
      email: 'aliya.seitkali@mail.kz',
      iin,
      passportNumber: 'N12345678',
      gender: 'FEMALE',
      messengers: JSON.stringify({ telegram: '@aliya_s1', whatsapp: '+77015551234' }),
    };
    expect(body.data!.updateProfile).toMatchObject({ __typename: 'ProfileUpdated', profile: expected });
    const me = await app.run(await traveller(app, user), MyAccountDocument);
    expect(me.body.data!.me!.profile).toMatchObject(expected);

    const row = await storedRow(user);
    for (const plain of [iin, '12345678', 'Сейтқали', 'aliya.seitkali', 'aliya_s1', '5551234']) expect(JSON.stringify(row)).not.toContain(plain);
    expect(await storedPerson(app, user)).toMatchObject({ iin, passport: 'N12345678', surname: 'Сейтқали', email: 'aliya.seitkali@mail.kz' });
    expect(row.iin_bidx).toBe(app.services.vault.blindIndex('IIN', iin));
    expect(row.passport_bidx).toBe(app.services.vault.blindIndex('PASSPORT', 'N12345678'));
  });

  it('leaves omitted fields alone, clears empty ones, and merges messenger handles', async () => {
    const user = await bareTraveller(app);
    await update(user, { email: 'a@b.kz', iin: iinWith('88'), messengers: { telegram: 'handle_one', whatsapp: '+77015550000' } });
    const { body } = await update(user, { email: '', iin: '', messengers: { whatsapp: '' } });
    expect(body.data!.updateProfile).toMatchObject({ profile: { email: null, iin: null, fullName: 'Тест Тестов', messengers: '{"telegram":"@handle_one"}' } });
    const row = await storedRow(user);
    expect(row.iin_bidx).toBeNull();
    expect(await storedPerson(app, user)).toMatchObject({ iin: null, email: null, messengers: { telegram: '@handle_one' } });
  });

  it("refuses an IIN another account holds, changing nothing, but accepts the caller's own again", async () => {
    const user = await bareTraveller(app);
    const before = await storedRow(user);
    const { body } = await update(user, { surname: 'Другой', iin: DEMO_TRAVELERS[1].iin });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateProfile).toEqual({ __typename: 'ProfileRejected', reason: 'IIN_ALREADY_REGISTERED' });
    expect(await storedRow(user)).toEqual(before);

    const iin = iinWith('77');
    await update(user, { iin });
    const again = await update(user, { iin });
    expect(again.body.data!.updateProfile.__typename).toBe('ProfileUpdated');
  });

  it('limits how many IINs one account may try, so registered IINs cannot be probed', async () => {
    const user = await bareTraveller(app);
    for (let i = 0; i < 5; i++) expect((await update(user, { iin: iinWith('60') })).body.errors).toBeUndefined();
    const { body } = await update(user, { iin: iinWith('60') });
    expect(body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await update(user, { email: 'still@works.kz' })).body.data!.updateProfile.__typename).toBe('ProfileUpdated');
  });

  it('does not count re-saving the IIN the account already holds against the limit', async () => {
    const user = await bareTraveller(app);
    const iin = iinWith('61');
    expect((await update(user, { iin })).body.data!.updateProfile.__typename).toBe('ProfileUpdated');
    for (let i = 0; i < 10; i++) {
      const { body } = await update(user, { iin, surname: i % 2 ? 'Тестов' : 'Тестова' });
      expect(body.data!.updateProfile.__typename).toBe('ProfileUpdated');
    }
    for (let i = 0; i < 4; i++) expect((await update(user, { iin: iinWith('62') })).body.errors).toBeUndefined();
    expect((await update(user, { iin: iinWith('63') })).body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('is refused to anonymous callers and to staff', async () => {
    const anon = await app.run(anonymous, UpdateProfileDocument, { input: { email: 'x@y.kz' } });
    expect(anon.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const admin = await app.run(await staff(app, 'admin'), UpdateProfileDocument, { input: { email: 'x@y.kz' } });
    expect(admin.body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
