import type { EntityManager } from '@mikro-orm/postgresql';
import { phoneHash } from '../identity/auth-hmac.js';
import { moveBookings } from '../bookings/booking-transition.service.js';
import { BookingStatus } from '../bookings/booking.type.js';
import type { GatewayContext } from '../graphql/context.js';
import { POLICY_IN_FORCE } from '../consent/policy-version.service.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { ERASED_TEXT } from '../privacy/authored-text.codec.js';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../privacy/free-text.masks.js';
import { openPersonalData } from '../users/personal-data.codec.js';
import type { ErasureActor } from './account-erasure.entity.js';
import type { AccountDeleted } from './erasure.type.js';
import { TRANSACTION_HOLD_REASON, TRANSACTION_HOLD_YEARS } from './retention.policy.js';

export interface ErasureRequest { userId: string; actorKind: ErasureActor; actorId: string; reason: string | null }

// Every text the person wrote or that could name them; what law requires (transactions) stays, tied only to the random row id.
async function destroyPersonalData(tem: EntityManager, userId: string): Promise<void> {
  // Deleting the data key is what makes copies of the sealed values (backups, replicas) unreadable; the nulls clear the live row.
  await tem.execute('delete from keyring.user_keys where user_id = ?', [userId]);
  await tem.execute(`update users set pii_enc = null, phone_bidx = null, iin_bidx = null, passport_bidx = null, gender = null,
    status = 'DELETED', deleted_at = now() where id = ?`, [userId]);
  await tem.execute('update sessions set revoked_at = coalesce(revoked_at, now()) where user_id = ?', [userId]);
  // The texts were sealed under the deleted key: nulled like pii_enc, they read as ERASED_TEXT, as a restored copy of them does.
  await tem.execute('update complaints set subject_enc = null, body_enc = null, attachments_enc = null where user_id = ?', [userId]);
  await tem.execute('update content_reports set reporter_id = null, reason_enc = null where reporter_id = ?', [userId]);
  await tem.execute('update support_tickets set subject_enc = null, status = \'CLOSED\' where user_id = ?', [userId]);
  // Reviews keep their rating for the tour's average; text and author go, so nothing ties the rating to the person.
  await tem.execute('update reviews set author_id = null, text = ?, moderation_reason = null where author_id = ?', [ERASED_TEXT, userId]);
  // Reasons on the person's bookings (theirs or the partner's) may name them; the held booking keeps its events without them.
  await tem.execute('update booking_events e set reason = null from bookings b where b.id = e.booking_id and b.user_id = ? and e.reason is not null', [userId]);
}

// The proof of each decision stays (no personal values in it); the state becomes withdrawn under the current policy.
async function withdrawConsents(tem: EntityManager, userId: string): Promise<void> {
  await tem.execute(`with policy as (${POLICY_IN_FORCE}),
      withdrawn as (update consents c set granted = false, policy_version_id = policy.id, updated_at = now() from policy
        where c.user_id = ? and c.granted returning c.purpose, c.policy_version_id)
    insert into consent_events (id, user_id, purpose, action, policy_version_id, at) select gen_random_uuid(), ?, purpose, 'WITHDRAWN', policy_version_id, now() from withdrawn`,
  [userId, userId]);
}

async function holdTransactions(tem: EntityManager, userId: string): Promise<void> {
  await tem.execute(`insert into legal_holds (id, user_id, reason, until, created_at)
    select gen_random_uuid(), ?, ?, (current_date + make_interval(years => ?))::date, now() where exists(select 1 from bookings where user_id = ?)`,
  [userId, TRANSACTION_HOLD_REASON, TRANSACTION_HOLD_YEARS, userId]);
}

async function outcome(tem: EntityManager, userId: string): Promise<AccountDeleted> {
  const [row] = await tem.execute<AccountDeleted[]>(`select e.at as "deletedAt",
      (select count(*)::int from bookings where user_id = ?) as "heldBookings",
      (select count(*)::int from payments p join bookings b on b.id = p.booking_id where b.user_id = ?) as "heldPayments",
      (select to_char(max(until), 'YYYY-MM-DD') from legal_holds where user_id = ?) as "heldUntil"
    from account_erasures e where e.user_id = ?`, [userId, userId, userId, userId]);
  return { ...row, deletedAt: new Date(row.deletedAt) };
}

/** Erases the account at once (policy §4, §9, §12); a second call changes nothing and returns the first outcome. */
export async function eraseAccount(ctx: GatewayContext, req: ErasureRequest): Promise<AccountDeleted> {
  const { cfg } = ctx.services;
  return ctx.em().transactional(async (tem) => {
    // The row lock serialises erasure with itself and with profile and consent changes.
    const [user] = await tem.execute<{ status: string; role: string; piiEnc: string | null; wrappedKey: string | null }[]>(`select u.status, u.role,
      u.pii_enc as "piiEnc", k.wrapped_key as "wrappedKey" from users u left join keyring.user_keys k on k.user_id = u.id where u.id = ? for update of u`, [req.userId]);
    if (!user) throw new NotFoundError('Account');
    if (user.status === 'DELETED') return outcome(tem, req.userId);
    if (user.role !== 'TRAVELER') throw new BadInputError('Only traveller accounts are erased here', 'userId');
    const { phone } = openPersonalData(ctx.services.vault, req.userId, user.wrappedKey, user.piiEnc);
    if (phone) await tem.execute('delete from login_codes where phone_hash = ?', [phoneHash(cfg, phone)]);
    // Unpaid bookings end with the account and give their seats back; paid ones stay, held as transactions.
    await moveBookings(tem, BookingStatus.CANCELLED, 'SYSTEM', 'account erased', "b.user_id = ? and b.status = 'PENDING_PAYMENT'", [req.userId]);
    await withdrawConsents(tem, req.userId);
    await destroyPersonalData(tem, req.userId);
    await holdTransactions(tem, req.userId);
    await tem.execute('insert into account_erasures (id, user_id, actor_kind, actor_id, reason, at) values (gen_random_uuid(), ?, ?, ?, ?, now())',
      [req.userId, req.actorKind, req.actorId, req.reason === null ? null : maskFreeText(req.reason, STORED_TEXT_LANGUAGE).text]);
    return outcome(tem, req.userId);
  });
}
