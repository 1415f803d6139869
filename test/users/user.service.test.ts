import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { createPiiVault, type PiiVault } from '../../src/privacy/pii-vault.js';
import { reachedVia } from '../../src/privacy/privacy.edge.js';
import { newPersonalRecord, NO_PERSONAL_DATA } from '../../src/users/personal-data.codec.js';
import { openPerson, type StoredPerson } from '../../src/users/user.service.js';
import { personValues } from '../support/persons.js';

const vault = createPiiVault(loadConfig({ NODE_ENV: 'test' }));

// The gateway's own vault, counting how often a sealed record is opened.
function countingVault(): { vault: PiiVault; opened: () => number } {
  let n = 0;
  return {
    vault: {
      ...vault,
      open: (...args) => {
        n++;
        return vault.open(...args);
      },
    },
    opened: () => n,
  };
}

function stored(values: Partial<typeof NO_PERSONAL_DATA>): StoredPerson {
  const id = randomUUID();
  const { wrappedKey, sealed } = newPersonalRecord(vault, id, { ...NO_PERSONAL_DATA, ...values });
  return { id, gender: 'FEMALE', status: 'ACTIVE', piiEnc: sealed.piiEnc, wrappedKey };
}

const ALIYA = { firstName: 'Әлия', patronymic: 'Маратқызы', surname: 'Сейітова', phone: '+77011234567', iin: '950101400123', passport: 'N70000001' };

describe('openPerson: a stored person whose sealed record opens on first read', () => {
  it('reads the id, gender and status without opening the record', () => {
    const c = countingVault();
    const p = openPerson(c.vault, stored(ALIYA));
    expect([p.gender, p.status, typeof p.id]).toEqual(['FEMALE', 'ACTIVE', 'string']);
    expect(c.opened()).toBe(0);
  });

  it('opens the record once, on the first personal value read, and answers every value from it', () => {
    const c = countingVault();
    const s = stored(ALIYA);
    const p = openPerson(c.vault, s);
    expect(p.iin).toBe(ALIYA.iin);
    expect(personValues(p)).toEqual({
      id: s.id,
      gender: 'FEMALE',
      status: 'ACTIVE',
      ...NO_PERSONAL_DATA,
      ...ALIYA,
      fullName: 'Әлия Маратқызы Сейітова',
      passportNumber: ALIYA.passport,
    });
    expect(c.opened()).toBe(1);
  });

  it('is marked per edge without opening, and every edge shares the one opening', () => {
    const c = countingVault();
    const p = openPerson(c.vault, stored(ALIYA));
    const asTraveller = reachedVia(p, 'BOOKING_TRAVELLER', randomUUID());
    const asAuthor = reachedVia(p, 'REVIEW_AUTHOR', randomUUID());
    expect([asTraveller.via.edge, asAuthor.via.edge, p.via]).toEqual(['BOOKING_TRAVELLER', 'REVIEW_AUTHOR', undefined]);
    expect(c.opened()).toBe(0);
    expect([asTraveller.phone, asAuthor.fullName, p.passportNumber]).toEqual([ALIYA.phone, 'Әлия Маратқызы Сейітова', ALIYA.passport]);
    expect(c.opened()).toBe(1);
  });

  it('serialises to its id, gender and status only: neither values nor the sealed record', () => {
    const s = stored(ALIYA);
    const p = openPerson(vault, s);
    expect(p.phone).toBe(ALIYA.phone);
    expect(JSON.parse(JSON.stringify(reachedVia(p, 'PUBLIC', null)))).toEqual({ id: s.id, gender: 'FEMALE', status: 'ACTIVE', via: { edge: 'PUBLIC', anchor: null } });
  });

  it('reads an erased person (no key, nothing sealed) as no personal values', () => {
    const p = openPerson(vault, { id: randomUUID(), gender: null, status: 'DELETED', piiEnc: null, wrappedKey: null });
    expect([p.phone, p.fullName, p.iin, p.passportNumber]).toEqual([null, null, null, null]);
  });
});
