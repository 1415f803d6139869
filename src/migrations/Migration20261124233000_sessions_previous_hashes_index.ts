import { Migration } from '@mikro-orm/migrations';

// Reuse detection looks up every unknown refresh token in previous_hashes; without this, anyone could make it scan all sessions.
export class Migration20261124233000_sessions_previous_hashes_index extends Migration {
  override name = 'Migration20261124233000_sessions_previous_hashes_index';

  override up(): void {
    this.addSql('create index "sessions_previous_hashes_index" on "sessions" using gin ("previous_hashes");');
  }

  override down(): void {
    this.addSql('drop index "sessions_previous_hashes_index";');
  }
}
