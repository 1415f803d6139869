import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, PrimaryKeyProp } from '@mikro-orm/core';

// A public client (the mobile app): it holds no secret, since an app cannot keep one; its id is bound into the session at login.
@Entity({ tableName: 'app_clients' })
export class AppClient {
  [PrimaryKeyProp]?: 'clientId';
  @PrimaryKey({ type: 'text' }) clientId!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
