import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config, StaffKind } from '../config/config.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../graphql/errors.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import { normalizeKzPhone } from '../privacy/phone.js';
import { createUserWithPhone, findUserByPhone } from '../users/user-account.service.js';
import { User } from '../users/user.entity.js';
import { isStaffKind } from '../access/principal.js';
import type { StaffAccountView, StaffRole } from './staff-account.type.js';

export interface NewStaffAccount {
  role: StaffKind;
  oidcSubject?: string | null;
  phone?: string | null;
}

// Printable, no spaces: what issuers put in sub (opaque ids, sometimes e-mail-like names).
const SUBJECT = /^[\x21-\x7E]{1,255}$/;

export function toStaffView(u: User): StaffAccountView {
  return { id: u.id, role: u.role as StaffRole, status: u.status, openIdLinked: u.oidcSubject !== null };
}

/** A new staff account: linked to the OpenID issuer's subject (required in production), and/or with a phone for SMS sign-in elsewhere. */
export async function createStaffAccount(em: EntityManager, cfg: Config, vault: PiiVault, input: NewStaffAccount): Promise<User> {
  if (!isStaffKind(input.role)) throw new BadInputError('Not a staff role', 'role');
  const oidcSubject = input.oidcSubject ?? null;
  if (oidcSubject !== null && !SUBJECT.test(oidcSubject)) throw new BadInputError('oidcSubject must be 1 to 255 printable characters without spaces', 'oidcSubject');
  if (cfg.env === 'production' && oidcSubject === null) throw new BadInputError('In production staff sign in only through the OpenID issuer: give oidcSubject', 'oidcSubject');
  const phone = input.phone == null ? null : normalizeKzPhone(input.phone);
  if (input.phone != null && !phone) throw new BadInputError('Not a Kazakh mobile number (+7 7xx xxx xx xx)', 'phone');
  if (oidcSubject === null && phone === null) throw new BadInputError('Give oidcSubject, phone or both: the account needs a way to sign in', 'oidcSubject');
  // Staff accounts are never travellers' accounts promoted: their own rows, their own sign-in.
  if (phone && (await findUserByPhone(em, vault, phone))) throw new BadInputError('That phone already has an account', 'phone');
  if (oidcSubject && (await em.count(User, { oidcSubject }))) throw new BadInputError('That OpenID subject is already linked to an account', 'oidcSubject');
  const user = phone ? createUserWithPhone(em, vault, phone) : em.create(User, {});
  user.role = input.role;
  user.oidcSubject = oidcSubject;
  await em.persist(user).flush();
  return user;
}

/** Blocks a staff account: the standing check refuses its tokens from the next request, and its sessions stop refreshing. */
export async function disableStaffAccount(em: EntityManager, id: string, by: string | null): Promise<User> {
  const user = await em.findOne(User, { id, role: { $ne: 'TRAVELER' } });
  if (!user) throw new NotFoundError('Staff account');
  if (user.id === by) throw new ForbiddenError('An administrator cannot disable their own account', 'OWN_ACCOUNT');
  if (user.status === 'ACTIVE') user.status = 'BLOCKED';
  await em.flush();
  return user;
}
