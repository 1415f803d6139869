import type { UserRole } from '../src/access/role-kind.js';
import type { Gender } from '../src/users/user.entity.js';

export interface DemoStaffMember {
  id: string;
  phone: string;
  role: Exclude<UserRole, 'TRAVELER'>;
  surname: string;
  firstName: string;
  gender: Gender;
}

/**
 * Staff accounts with fixed ids and phones (+7700000000x), present after every seed whatever its size or seed:
 * support a0…01 +77000000001, moderator a0…02 +77000000002, admin a0…03 +77000000003, second admin
 * a0…04 +77000000004 (four-eyes approval needs two), analyst a0…05, auditor a0…06, authority a0…07.
 */
export const DEMO_STAFF = {
  support: { id: 'a0000000-0000-4000-8000-000000000001', phone: '+77000000001', role: 'SUPPORT', surname: 'Жақыпова', firstName: 'Арайлым', gender: 'FEMALE' },
  moderator: { id: 'a0000000-0000-4000-8000-000000000002', phone: '+77000000002', role: 'MODERATOR', surname: 'Лебедев', firstName: 'Павел', gender: 'MALE' },
  admin: { id: 'a0000000-0000-4000-8000-000000000003', phone: '+77000000003', role: 'ADMIN', surname: 'Оспанов', firstName: 'Ербол', gender: 'MALE' },
  secondAdmin: { id: 'a0000000-0000-4000-8000-000000000004', phone: '+77000000004', role: 'ADMIN', surname: 'Нұрғалиева', firstName: 'Жанна', gender: 'FEMALE' },
  analyst: { id: 'a0000000-0000-4000-8000-000000000005', phone: '+77000000005', role: 'ANALYST', surname: 'Ким', firstName: 'Денис', gender: 'MALE' },
  auditor: { id: 'a0000000-0000-4000-8000-000000000006', phone: '+77000000006', role: 'AUDITOR', surname: 'Смагулова', firstName: 'Дина', gender: 'FEMALE' },
  authority: { id: 'a0000000-0000-4000-8000-000000000007', phone: '+77000000007', role: 'AUTHORITY', surname: 'Бекетов', firstName: 'Марат', gender: 'MALE' },
} as const satisfies Record<string, DemoStaffMember>;
