import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError } from '../graphql/errors.js';
import type { PolicyAcceptance, PolicyVersionInfo } from './policy-version.type.js';

const VERSION = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const COLUMNS = 'version, published_at as "publishedAt", text_sha256 as "textSha256"';

/** The version in force: the newest whose publication date has come; a row source for other statements. */
export const POLICY_IN_FORCE = 'select * from policy_versions where published_at <= now() order by published_at desc, id desc limit 1';

const PUBLISH = statement<PolicyVersionInfo, [version: string, publishedAt: Date, textSha256: string]>(
  'policy_version_publish',
  `insert into policy_versions
    (id, version, published_at, text_sha256) values (gen_random_uuid(), $1, $2, $3) on conflict (version) do nothing returning ${COLUMNS}`,
);
const CURRENT = statement<PolicyVersionInfo>('policy_version_current', `select ${COLUMNS} from (${POLICY_IN_FORCE}) v`);
const PENDING = statement<PolicyVersionInfo, [userId: string]>(
  'policy_version_pending',
  `select ${COLUMNS} from (${POLICY_IN_FORCE}) v
  where not exists(select 1 from consent_events e where e.user_id = $1 and e.action = 'POLICY_ACCEPTED' and e.policy_version_id = v.id)`,
);
const LOCK_USER = statement<never, [userId: string]>('policy_user_lock', 'select 1 from users where id = $1 for update');
const IN_FORCE = statement<{ id: string; version: string }>('policy_version_in_force', `select id, version from (${POLICY_IN_FORCE}) v`);
const ACCEPTED = statement<{ at: Date }, [userId: string, policyId: string]>(
  'policy_acceptance_of',
  `select at from consent_events
  where user_id = $1 and action = 'POLICY_ACCEPTED' and policy_version_id = $2 order by at limit 1`,
);
const ACCEPT = statement<{ at: Date }, [userId: string, policyId: string]>(
  'policy_accept',
  `insert into consent_events
    (id, user_id, purpose, action, policy_version_id, at) values (gen_random_uuid(), $1, null, 'POLICY_ACCEPTED', $2, now()) returning at`,
);

export async function publishPolicyVersion(sql: Sql, version: string, publishedAt: Date, textSha256: string): Promise<PolicyVersionInfo> {
  if (!VERSION.test(version)) throw new BadInputError('version must be 1 to 40 letters, digits, dots, dashes or underscores', 'version');
  const sha = textSha256.toLowerCase();
  if (!SHA256.test(sha)) throw new BadInputError('textSha256 must be 64 hex digits', 'textSha256');
  if (Number.isNaN(publishedAt.getTime())) throw new BadInputError('publishedAt must be a date-time', 'publishedAt');
  const [row] = await sql.rows(PUBLISH, version, publishedAt, sha);
  if (!row) throw new BadInputError('This version is already published', 'version');
  return row;
}

export async function currentPolicyVersion(sql: Sql): Promise<PolicyVersionInfo | null> {
  const [row] = await sql.rows(CURRENT);
  return row ?? null;
}

export async function pendingPolicyAcceptance(sql: Sql, userId: string): Promise<PolicyVersionInfo | null> {
  const [row] = await sql.rows(PENDING, userId);
  return row ?? null;
}

/** Records the acceptance of the version in force once; accepting it again returns the first acceptance. */
export async function acceptPolicyVersion(ctx: GatewayContext, userId: string, version: string): Promise<PolicyAcceptance> {
  return ctx.em().transactional(async (tem) => {
    const tx = ctx.services.sql.within(tem);
    await tx.rows(LOCK_USER, userId);
    const [current] = await tx.rows(IN_FORCE);
    if (!current || current.version !== version) throw new BadInputError('Only the policy version in force can be accepted', 'version');
    const [done] = await tx.rows(ACCEPTED, userId, current.id);
    if (done) return { version, acceptedAt: done.at };
    const [row] = await tx.rows(ACCEPT, userId, current.id);
    return { version, acceptedAt: row.at };
  });
}
