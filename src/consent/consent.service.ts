import type { Sql } from '../db/sql.js';
import { statement, type Statements } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { ConsentPurpose, ConsentRefusalReason, type ConsentChanged, type ConsentState, type ConsentWithdrawalRefused } from './consent.type.js';
import { PROCESSING_PURPOSES } from './processing-purposes.policy.js';
import { POLICY_IN_FORCE } from './policy-version.service.js';
import { localizeMessage } from '../i18n/message.localize.js';

const PURPOSES = Object.values(ConsentPurpose);
const OPT_OUT = PROCESSING_PURPOSES.filter((p) => p.basis === 'OPT_OUT').map((p) => p.consent);

const OF_USER = statement<ConsentState, [userId: string, purposes: readonly string[], optOut: readonly (string | null)[]]>(
  'consents_of_user',
  `select p.purpose, coalesce(c.granted, p.purpose = any($3::text[])) as granted, v.version as "policyVersion", c.updated_at as "updatedAt"
    from unnest($2::text[]) with ordinality as p(purpose, ord)
    left join consents c on c.user_id = $1 and c.purpose = p.purpose
    left join policy_versions v on v.id = c.policy_version_id
    order by p.ord`,
);
const OBLIGATION_PENDING = statement<{ pending: boolean }, [userId: string]>(
  'consent_obligation_pending',
  `select exists(select 1
    from bookings b join tours t on t.id = b.tour_id where b.user_id = $1 and b.status = 'PAID' and t.ends_on >= current_date) as pending`,
);
// Locking the user's row serialises their consent changes, so events are in the order the state changed.
const LOCK_USER = statement<never, [userId: string]>('consent_user_lock', 'select 1 from users where id = $1 for update');
const POLICY_ID = statement<{ id: string }>('consent_policy_in_force', `select id from (${POLICY_IN_FORCE}) v`);
const SET = statement<never, [userId: string, purpose: ConsentPurpose, granted: boolean, policyId: string]>(
  'consent_set',
  `insert into consents
    (id, user_id, purpose, granted, policy_version_id, updated_at) values (gen_random_uuid(), $1, $2, $3, $4, now())
  on conflict (user_id, purpose) do update set granted = excluded.granted, policy_version_id = excluded.policy_version_id, updated_at = excluded.updated_at`,
);
const EVENT = statement<never, [userId: string, purpose: ConsentPurpose, action: 'GRANTED' | 'WITHDRAWN', policyId: string]>(
  'consent_event_insert',
  'insert into consent_events (id, user_id, purpose, action, policy_version_id, at) values (gen_random_uuid(), $1, $2, $3, $4, now())',
);

/** Every consentable purpose, decided or not, in a fixed order, as in effect: an opt-out purpose never decided is on; read fresh on each request. */
export function consentsOf(sql: Sql, userId: string): Promise<ConsentState[]> {
  return sql.rows(OF_USER, userId, PURPOSES, OPT_OUT);
}

// Law 94-V: no withdrawal while an obligation to the user is unfulfilled, such as a paid tour not yet over.
async function obligationPending(tx: Statements, userId: string): Promise<boolean> {
  const [row] = await tx.rows(OBLIGATION_PENDING, userId);
  return row.pending;
}

const REFUSED: ConsentWithdrawalRefused = Object.freeze({
  reason: ConsentRefusalReason.OBLIGATION_PENDING,
  message: 'Consent to tour booking cannot be withdrawn while a paid tour has not ended; it can be once the tour is over or the booking is cancelled',
});

/** Sets the consent under the current policy version and appends its proof event, in one transaction. */
export async function changeConsent(ctx: GatewayContext, userId: string, purpose: ConsentPurpose, granted: boolean): Promise<ConsentChanged | ConsentWithdrawalRefused> {
  const changed = await ctx.em().transactional(async (tem) => {
    const tx = ctx.services.sql.within(tem);
    await tx.rows(LOCK_USER, userId);
    if (!granted && purpose === ConsentPurpose.TOUR_BOOKING && (await obligationPending(tx, userId))) return false;
    const [policy] = await tx.rows(POLICY_ID);
    if (!policy) throw new Error('no published privacy policy version');
    await tx.count(SET, userId, purpose, granted, policy.id);
    await tx.count(EVENT, userId, purpose, granted ? 'GRANTED' : 'WITHDRAWN', policy.id);
    return true;
  });
  if (!changed) return { ...REFUSED, message: localizeMessage(REFUSED.reason, REFUSED.message, ctx.language) };
  // Read back through the same statement as me.consents, so both answers have one shape and one source.
  const state = (await consentsOf(ctx.services.sql, userId)).find((c) => c.purpose === purpose);
  if (!state) throw new Error('consent state missing after its change');
  return { consent: state };
}
