import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../db/sql.js';
import type { GatewayContext } from '../graphql/context.js';
import { ConsentPurpose, ConsentRefusalReason, type ConsentChanged, type ConsentState, type ConsentWithdrawalRefused } from './consent.type.js';
import { PROCESSING_PURPOSES } from './processing-purposes.policy.js';
import { POLICY_IN_FORCE } from './policy-version.service.js';
import { localizeMessage } from '../i18n/message.localize.js';

const PURPOSES = Object.values(ConsentPurpose);
const OPT_OUT = PROCESSING_PURPOSES.filter((p) => p.basis === 'OPT_OUT').map((p) => p.consent);

/** Every consentable purpose, decided or not, in a fixed order, as in effect: an opt-out purpose never decided is on; read fresh on each request. */
export function consentsOf(sql: Sql, userId: string): Promise<ConsentState[]> {
  return sql.rows<ConsentState>('consents_of_user', `select p.purpose, coalesce(c.granted, p.purpose = any($3::text[])) as granted,
      v.version as "policyVersion", c.updated_at as "updatedAt"
    from unnest($2::text[]) with ordinality as p(purpose, ord)
    left join consents c on c.user_id = $1 and c.purpose = p.purpose
    left join policy_versions v on v.id = c.policy_version_id
    order by p.ord`, [userId, PURPOSES, OPT_OUT]);
}

// Law 94-V: no withdrawal while an obligation to the user is unfulfilled, such as a paid tour not yet over.
async function obligationPending(tem: EntityManager, userId: string): Promise<boolean> {
  const [row] = await tem.execute<{ pending: boolean }[]>(`select exists(select 1 from bookings b join tours t on t.id = b.tour_id
    where b.user_id = ? and b.status = 'PAID' and t.ends_on >= current_date) as pending`, [userId]);
  return row.pending;
}

const REFUSED: ConsentWithdrawalRefused = Object.freeze({
  reason: ConsentRefusalReason.OBLIGATION_PENDING,
  message: 'Consent to tour booking cannot be withdrawn while a paid tour has not ended; it can be once the tour is over or the booking is cancelled',
});

/** Sets the consent under the current policy version and appends its proof event, in one transaction. */
export async function changeConsent(ctx: GatewayContext, userId: string, purpose: ConsentPurpose, granted: boolean): Promise<ConsentChanged | ConsentWithdrawalRefused> {
  const changed = await ctx.em().transactional(async (tem) => {
    // Locking the user's row serialises their consent changes, so events are in the order the state changed.
    await tem.execute('select 1 from users where id = ? for update', [userId]);
    if (!granted && purpose === ConsentPurpose.TOUR_BOOKING && await obligationPending(tem, userId)) return false;
    const [policy] = await tem.execute<{ id: string }[]>(`select id from (${POLICY_IN_FORCE}) v`);
    if (!policy) throw new Error('no published privacy policy version');
    await tem.execute(`insert into consents (id, user_id, purpose, granted, policy_version_id, updated_at) values (gen_random_uuid(), ?, ?, ?, ?, now())
      on conflict (user_id, purpose) do update set granted = excluded.granted, policy_version_id = excluded.policy_version_id, updated_at = excluded.updated_at`,
    [userId, purpose, granted, policy.id]);
    await tem.execute('insert into consent_events (id, user_id, purpose, action, policy_version_id, at) values (gen_random_uuid(), ?, ?, ?, ?, now())',
      [userId, purpose, granted ? 'GRANTED' : 'WITHDRAWN', policy.id]);
    return true;
  });
  if (!changed) return { ...REFUSED, message: localizeMessage(REFUSED.reason, REFUSED.message, ctx.language) };
  // Read back through the same statement as me.consents, so both answers have one shape and one source.
  const state = (await consentsOf(ctx.services.sql, userId)).find((c) => c.purpose === purpose);
  if (!state) throw new Error('consent state missing after its change');
  return { consent: state };
}
