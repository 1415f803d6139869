import { phoneHash } from '../identity/auth-hmac.js';
import { moveBookings, moveStatement } from '../bookings/booking-transition.service.js';
import { BookingStatus } from '../bookings/booking.type.js';
import { statement, type Statement, type Statements } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { POLICY_IN_FORCE } from '../consent/policy-version.service.js';
import { BadInputError, NotFoundError } from '../graphql/errors.js';
import { ERASED_TEXT } from '../privacy/authored-text.codec.js';
import { maskFreeText, STORED_TEXT_LANGUAGE } from '../privacy/free-text.masks.js';
import { openPersonalData } from '../users/personal-data.codec.js';
import type { ErasureActor } from './account-erasure.entity.js';
import type { AccountDeleted } from './erasure.type.js';
import { TRANSACTION_HOLD_REASON, TRANSACTION_HOLD_YEARS } from './retention.policy.js';

export interface ErasureRequest {
  userId: string;
  actorKind: ErasureActor;
  actorId: string;
  reason: string | null;
}

type ByUser = [userId: string];

// Every text the person wrote or that could name them; what law requires (transactions) stays, tied only to the random row id.
const DESTROY: readonly Statement<never, ByUser>[] = [
  // Deleting the data key is what makes copies of the sealed values (backups, replicas) unreadable; the nulls clear the live row.
  statement('erase_user_key', 'delete from keyring.user_keys where user_id = $1'),
  statement(
    'erase_user_row',
    `update users set pii_enc = null, phone_bidx = null, iin_bidx = null, passport_bidx = null, gender = null,
    status = 'DELETED', deleted_at = now() where id = $1`,
  ),
  statement('erase_sessions', 'update sessions set revoked_at = coalesce(revoked_at, now()) where user_id = $1'),
  // The texts were sealed under the deleted key: nulled like pii_enc, they read as ERASED_TEXT, as a restored copy of them does.
  statement('erase_complaints', 'update complaints set subject_enc = null, body_enc = null, attachments_enc = null where user_id = $1'),
  statement('erase_content_reports', 'update content_reports set reporter_id = null, reason_enc = null where reporter_id = $1'),
  statement('erase_support_tickets', "update support_tickets set subject_enc = null, status = 'CLOSED' where user_id = $1"),
  // Reasons on the person's bookings (theirs or the partner's) may name them; the held booking keeps its events without them.
  statement('erase_booking_event_reasons', 'update booking_events e set reason = null from bookings b where b.id = e.booking_id and b.user_id = $1 and e.reason is not null'),
];
// Reviews keep their rating for the tour's average; text and author go, so nothing ties the rating to the person.
const ERASE_REVIEWS = statement<never, [userId: string, erasedText: string]>(
  'erase_reviews',
  'update reviews set author_id = null, text = $2, moderation_reason = null where author_id = $1',
);

const CANCEL_UNPAID = moveStatement<ByUser>('booking_move_unpaid_of_erased', "b.user_id = $3 and b.status = 'PENDING_PAYMENT'");

// The proof of each decision stays (no personal values in it); the state becomes withdrawn under the current policy.
const WITHDRAW_CONSENTS = statement<never, ByUser>(
  'erase_withdraw_consents',
  `with policy as (${POLICY_IN_FORCE}),
    withdrawn as (update consents c set granted = false, policy_version_id = policy.id, updated_at = now() from policy
      where c.user_id = $1 and c.granted returning c.purpose, c.policy_version_id)
  insert into consent_events (id, user_id, purpose, action, policy_version_id, at) select gen_random_uuid(), $1, purpose, 'WITHDRAWN', policy_version_id, now() from withdrawn`,
);
const HOLD_TRANSACTIONS = statement<never, [userId: string, reason: string, years: number]>(
  'erase_hold_transactions',
  `insert into legal_holds
    (id, user_id, reason, until, created_at)
  select gen_random_uuid(), $1, $2, (current_date + make_interval(years => $3))::date, now() where exists(select 1 from bookings where user_id = $1)`,
);
const OUTCOME = statement<AccountDeleted, ByUser>(
  'erase_outcome',
  `select e.at as "deletedAt",
    (select count(*)::int from bookings where user_id = $1) as "heldBookings",
    (select count(*)::int from payments p join bookings b on b.id = p.booking_id where b.user_id = $1) as "heldPayments",
    (select to_char(max(until), 'YYYY-MM-DD') from legal_holds where user_id = $1) as "heldUntil"
  from account_erasures e where e.user_id = $1`,
);
// The row lock serialises erasure with itself and with profile and consent changes.
const LOCK_USER = statement<{ status: string; role: string; piiEnc: string | null; wrappedKey: string | null }, ByUser>(
  'erase_user_lock',
  `select u.status,
    u.role, u.pii_enc as "piiEnc", k.wrapped_key as "wrappedKey"
  from users u left join keyring.user_keys k on k.user_id = u.id where u.id = $1 for update of u`,
);
const DROP_LOGIN_CODES = statement<never, [phoneHash: string]>('erase_login_codes', 'delete from login_codes where phone_hash = $1');
const RECORD = statement<never, [userId: string, actorKind: ErasureActor, actorId: string, reason: string | null]>(
  'erase_record',
  'insert into account_erasures (id, user_id, actor_kind, actor_id, reason, at) values (gen_random_uuid(), $1, $2, $3, $4, now())',
);

async function outcome(tx: Statements, userId: string): Promise<AccountDeleted> {
  const [row] = await tx.rows(OUTCOME, userId);
  return row;
}

/** Erases the account at once (policy §4, §9, §12); a second call changes nothing and returns the first outcome. */
export async function eraseAccount(ctx: GatewayContext, req: ErasureRequest): Promise<AccountDeleted> {
  const { cfg } = ctx.services;
  return ctx.em().transactional(async (tem) => {
    const tx = ctx.services.sql.within(tem);
    const [user] = await tx.rows(LOCK_USER, req.userId);
    if (!user) throw new NotFoundError('Account');
    if (user.status === 'DELETED') return outcome(tx, req.userId);
    if (user.role !== 'TRAVELER') throw new BadInputError('Only traveller accounts are erased here', 'userId');
    const { phone } = openPersonalData(ctx.services.vault, req.userId, user.wrappedKey, user.piiEnc);
    if (phone) await tx.count(DROP_LOGIN_CODES, phoneHash(cfg, phone));
    // Unpaid bookings end with the account and give their seats back; paid ones stay, held as transactions.
    await moveBookings(tem, BookingStatus.CANCELLED, 'SYSTEM', 'account erased', CANCEL_UNPAID, req.userId);
    await tx.count(WITHDRAW_CONSENTS, req.userId);
    for (const s of DESTROY) await tx.count(s, req.userId);
    await tx.count(ERASE_REVIEWS, req.userId, ERASED_TEXT);
    await tx.count(HOLD_TRANSACTIONS, req.userId, TRANSACTION_HOLD_REASON, TRANSACTION_HOLD_YEARS);
    await tx.count(RECORD, req.userId, req.actorKind, req.actorId, req.reason === null ? null : maskFreeText(req.reason, STORED_TEXT_LANGUAGE).text);
    return outcome(tx, req.userId);
  });
}
