import { Migration } from '@mikro-orm/migrations';

// Gateways keep a token's standing in memory: any change that could revoke one tells every instance to forget what it kept.
const CHANNEL = 'qaz_auth_standing';
const TRIGGERS: readonly [name: string, table: string, when: string][] = [
  ['revoked_tokens_standing', 'revoked_tokens', 'after insert or update or delete on revoked_tokens for each statement'],
  ['api_clients_standing', 'api_clients', 'after insert or update or delete on api_clients for each statement'],
  ['sessions_revoked_standing', 'sessions', 'after update on sessions for each row when (old.revoked_at is distinct from new.revoked_at)'],
  ['sessions_deleted_standing', 'sessions', 'after delete on sessions for each statement'],
  ['users_standing', 'users', `after update on users for each row when (old.status is distinct from new.status
    or old.role is distinct from new.role or old.oidc_subject is distinct from new.oidc_subject)`],
  ['users_linked_standing', 'users', 'after insert on users for each row when (new.oidc_subject is not null)'],
  ['users_deleted_standing', 'users', 'after delete on users for each statement'],
];

export class Migration20261126180000_auth_standing_notify extends Migration {
  override name = 'Migration20261126180000_auth_standing_notify';

  override up(): void {
    this.addSql(`create function notify_auth_standing() returns trigger language plpgsql as $$
      begin perform pg_notify('${CHANNEL}', ''); return null; end $$;`);
    for (const [name, , when] of TRIGGERS) this.addSql(`create trigger ${name} ${when} execute function notify_auth_standing();`);
  }

  override down(): void {
    for (const [name, table] of TRIGGERS) this.addSql(`drop trigger ${name} on ${table};`);
    this.addSql('drop function notify_auth_standing();');
  }
}
