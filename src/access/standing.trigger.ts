import type { TriggerDef } from '@mikro-orm/core';

/** The channel the database notifies when a token's standing may have changed (revocation, client, session, account, documents). */
export const STANDING_CHANNEL = 'qaz_auth_standing';

const NOTIFY = `create or replace function notify_auth_standing() returns trigger language plpgsql as $$
  begin perform pg_notify('${STANDING_CHANNEL}', ''); return null; end $$;`;

type Event = 'insert' | 'update' | 'delete';

/** A trigger that tells every gateway instance to forget the standings it keeps; declared on the entity whose table it watches. */
export function standingTrigger(name: string, table: string, events: Event[], forEach: 'row' | 'statement', when?: string): TriggerDef {
  return {
    name,
    timing: 'after',
    events,
    forEach,
    expression: `${NOTIFY}
create trigger ${name} after ${events.join(' or ')} on ${table} for each ${forEach}${when ? ` when (${when})` : ''} execute function notify_auth_standing();`,
  };
}

// A session's and an account's rows change often; only the columns the standing reads wake the instances.
export const STANDING_TRIGGERS = {
  revokedTokens: [standingTrigger('revoked_tokens_standing', 'revoked_tokens', ['insert', 'update', 'delete'], 'statement')],
  apiClients: [standingTrigger('api_clients_standing', 'api_clients', ['insert', 'update', 'delete'], 'statement')],
  sessions: [
    standingTrigger('sessions_revoked_standing', 'sessions', ['update'], 'row', 'old.revoked_at is distinct from new.revoked_at'),
    standingTrigger('sessions_deleted_standing', 'sessions', ['delete'], 'statement'),
  ],
  users: [
    standingTrigger(
      'users_standing',
      'users',
      ['update'],
      'row',
      'old.status is distinct from new.status or old.role is distinct from new.role or old.oidc_subject is distinct from new.oidc_subject',
    ),
    standingTrigger('users_linked_standing', 'users', ['insert'], 'row', 'new.oidc_subject is not null'),
    standingTrigger('users_deleted_standing', 'users', ['delete'], 'statement'),
  ],
  trustedDocumentSets: [standingTrigger('trusted_document_sets_standing', 'trusted_document_sets', ['insert', 'update', 'delete'], 'statement')],
} as const;
