import { describe, expect, it } from '@jest/globals';
import { NO_PERSONAL_DATA } from '../../src/users/personal-data.codec.js';
import { PersonLoader } from '../../src/users/user.loaders.js';
import type { PersonRow } from '../../src/users/user.service.js';

const person = (id: string): PersonRow => ({ id, gender: null, status: 'ACTIVE', ...NO_PERSONAL_DATA, fullName: null, passportNumber: null });

// The batch stands for the read by ids: it records which ids were asked for.
function loader(): { people: PersonLoader; asked: string[][] } {
  const asked: string[][] = [];
  const people = new PersonLoader(async (ids) => {
    asked.push([...ids]);
    return ids.map((id) => person(id));
  });
  return { people, asked };
}

describe('PersonLoader', () => {
  it('answers a primed person without a promise and without reading', async () => {
    const { people, asked } = loader();
    const row = person('a');
    people.prime('a', row);
    expect(people.primedOrLoad('a')).toBe(row);
    await expect(people.load('a')).resolves.toBe(row);
    expect(asked).toEqual([]);
  });

  it('reads a person that was not primed', async () => {
    const { people, asked } = loader();
    const answer = people.primedOrLoad('b');
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toEqual(person('b'));
    expect(asked).toEqual([['b']]);
  });

  it('reads again after the person is cleared, one id or all', async () => {
    const { people, asked } = loader();
    people.prime('c', person('c'));
    people.prime('d', person('d'));
    people.clear('c');
    await expect(people.primedOrLoad('c')).resolves.toEqual(person('c'));
    people.clearAll();
    await expect(people.primedOrLoad('d')).resolves.toEqual(person('d'));
    expect(asked).toEqual([['c'], ['d']]);
  });

  it('keeps the first row primed, as the loader does, and ignores a primed absence', async () => {
    const { people } = loader();
    const first = person('e');
    people.prime('e', first);
    people.prime('e', person('e'));
    expect(people.primedOrLoad('e')).toBe(first);
    people.prime('f', null);
    expect(people.primedOrLoad('f')).toBeInstanceOf(Promise);
  });
});
