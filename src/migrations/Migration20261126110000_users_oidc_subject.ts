import { Migration } from '@mikro-orm/migrations';

// Staff sign in through the external OpenID issuer: its subject names the staff account, and never a traveller's.
export class Migration20261126110000_users_oidc_subject extends Migration {
  override name = 'Migration20261126110000_users_oidc_subject';

  override up(): void {
    this.addSql('alter table "users" add column "oidc_subject" text null;');
    this.addSql('alter table "users" add constraint "users_oidc_subject_unique" unique ("oidc_subject");');
    this.addSql(`alter table "users" add constraint "users_oidc_subject_staff_check" check (oidc_subject is null or role <> 'TRAVELER');`);
  }

  override down(): void {
    this.addSql('alter table "users" drop column "oidc_subject";');
  }
}
