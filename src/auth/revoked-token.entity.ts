import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'revoked_tokens' })
export class RevokedToken {
  @PrimaryKey({ type: 'text' }) jti!: string;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
}
