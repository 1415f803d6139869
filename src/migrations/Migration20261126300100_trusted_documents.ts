import { Migration } from '@mikro-orm/migrations';

// The documents an API or app client registered (trusted documents), with the rule and version each gateway reads at the token check.
export class Migration20261126300100_trusted_documents extends Migration {
  override name = 'Migration20261126300100_trusted_documents';

  override up(): void {
    this.addSql(
      `create table "trusted_document_sets" ("client_id" text not null, "enforced" boolean not null default false, "version" int not null default 1, "updated_at" timestamptz not null default now(), primary key ("client_id"));`,
    );
    this.addSql(
      `create table "trusted_documents" ("client_id" text not null, "id" text not null, "body" text not null, "created_at" timestamptz not null default now(), primary key ("client_id", "id"));`,
    );
    this.addSql(
      `alter table "trusted_documents" add constraint "trusted_documents_client_id_foreign" foreign key ("client_id") references "trusted_document_sets" ("client_id") on delete cascade;`,
    );
    this.addSql(`alter table "trusted_documents" add constraint "trusted_documents_id_sha256" check (id ~ '^[0-9a-f]{64}$');`);
  }

  override down(): void {
    this.addSql('drop table "trusted_documents";');
    this.addSql('drop table "trusted_document_sets";');
  }
}
