import type { Person } from './person.generator.js';

export interface DemoTraveler extends Person { id: string }

/**
 * The first travellers of every seed, with fixed ids and identities (demo-only values, stored encrypted like any other):
 * each has a PAID booking on an upcoming tour and a COMPLETED one on a past tour, and holds the DEMO_TICKETS.
 */
export const DEMO_TRAVELERS: readonly DemoTraveler[] = [
  {
    id: 'a1000000-0000-4000-8000-000000000001', phone: '+77010000101', surname: 'Ахметова', firstName: 'Айгерім', patronymic: 'Нурлановна',
    gender: 'FEMALE', iin: '920315401237', passport: 'N12345601', email: 'aigerim.akhmetova@mail.kz', messengers: { telegram: '@aigerim_akh', whatsapp: '+77010000101' },
  },
  {
    id: 'a1000000-0000-4000-8000-000000000002', phone: '+77770000202', surname: 'Серікбаев', firstName: 'Ерлан', patronymic: 'Маратович',
    gender: 'MALE', iin: '900101300811', passport: 'N12345602', email: 'erlan.serikbaev@gmail.com', messengers: null,
  },
  {
    id: 'a1000000-0000-4000-8000-000000000003', phone: '+77050000303', surname: 'Ким', firstName: 'Ольга', patronymic: 'Викторовна',
    gender: 'FEMALE', iin: '000512603215', passport: 'N12345603', email: 'olga.kim@yandex.kz', messengers: { whatsapp: '+77050000303' },
  },
];
