import { Migration } from '@mikro-orm/migrations';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

// Gateways keep a token's standing in memory: any change that could revoke one tells every instance to forget what it kept.
const { trustedDocumentSets: _later, ...NOW } = STANDING_TRIGGERS;
const TRIGGERS = Object.values(NOW).flat();

export class Migration20261126180000_auth_standing_notify extends Migration {
  override name = 'Migration20261126180000_auth_standing_notify';

  override up(): void {
    for (const t of TRIGGERS) this.addSql(t.expression!);
  }

  override down(): void {
    for (const t of TRIGGERS) this.addSql(`drop trigger ${t.name} on ${/ on (\w+) /.exec(t.expression!)![1]};`);
    this.addSql('drop function notify_auth_standing();');
  }
}
