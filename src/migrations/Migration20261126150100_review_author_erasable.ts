import { Migration } from '@mikro-orm/migrations';

// An erased author's reviews keep their rating and lose the link to the account.
export class Migration20261126150100_review_author_erasable extends Migration {
  override name = 'Migration20261126150100_review_author_erasable';

  override up(): void {
    this.addSql('alter table "reviews" alter column "author_id" drop not null;');
    this.addSql('alter table "reviews" drop constraint "reviews_author_id_foreign";');
    this.addSql('alter table "reviews" add constraint "reviews_author_id_foreign" foreign key ("author_id") references "users" ("id") on delete set null;');
  }

  override down(): void {
    this.addSql('alter table "reviews" drop constraint "reviews_author_id_foreign";');
    this.addSql('alter table "reviews" add constraint "reviews_author_id_foreign" foreign key ("author_id") references "users" ("id");');
    this.addSql('delete from "reviews" where "author_id" is null;');
    this.addSql('alter table "reviews" alter column "author_id" set not null;');
  }
}
