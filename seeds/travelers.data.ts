import type { Person } from './person.generator.js';

export interface DemoTraveler extends Person {
  id: string;
}

/** Fixed first travellers of every seed, so tests can log in as them: each has a PAID upcoming and a COMPLETED past booking. */
export const DEMO_TRAVELERS: readonly DemoTraveler[] = [
  {
    id: 'a1000000-0000-4000-8000-000000000001',
    phone: '+77010000101',
    surname: 'Ахметова',
    firstName: 'Айгерім',
    patronymic: 'Нурлановна',
    gender: 'FEMALE',
    iin: '920315401237',
    passport: 'N12345601',
    email: 'aigerim.akhmetova@mail.kz',
    messengers: { telegram: '@aigerim_akh', whatsapp: '+77010000101' },
  },
  {
    id: 'a1000000-0000-4000-8000-000000000002',
    phone: '+77770000202',
    surname: 'Серікбаев',
    firstName: 'Ерлан',
    patronymic: 'Маратович',
    gender: 'MALE',
    iin: '900101300811',
    passport: 'N12345602',
    email: 'erlan.serikbaev@gmail.com',
    messengers: null,
  },
  {
    id: 'a1000000-0000-4000-8000-000000000003',
    phone: '+77050000303',
    surname: 'Ким',
    firstName: 'Ольга',
    patronymic: 'Викторовна',
    gender: 'FEMALE',
    iin: '000512603215',
    passport: 'N12345603',
    email: 'olga.kim@yandex.kz',
    messengers: { whatsapp: '+77050000303' },
  },
];
