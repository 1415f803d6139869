import { Migration } from '@mikro-orm/migrations';

// Who erased which account, when and why: the proof of erasure, without personal values.
export class Migration20261124201500_account_erasures extends Migration {
  override name = 'Migration20261124201500_account_erasures';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "account_erasures" ("id" uuid not null, "user_id" uuid not null, "actor_kind" text not null, "actor_id" uuid null, "reason" text null, "at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "account_erasures" add constraint "account_erasures_user_id_unique" unique ("user_id");`);
    this.addSql(`alter table "account_erasures" add constraint "account_erasures_actor_kind_check" check ("actor_kind" in ('USER', 'ADMIN'));`);
    this.addSql(`alter table "account_erasures" add constraint "account_erasures_user_id_foreign" foreign key ("user_id") references "users" ("id");`);
    this.addSql(`create index "legal_holds_until_index" on "legal_holds" ("until");`);
  }
}
