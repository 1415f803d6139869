import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

@Entity({ tableName: 'revoked_tokens', triggers: [...STANDING_TRIGGERS.revokedTokens] })
export class RevokedToken {
  @PrimaryKey({ type: 'text' }) jti!: string;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;
}
