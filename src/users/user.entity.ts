import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

export type UserRole = 'TRAVELER' | 'SUPPORT' | 'MODERATOR' | 'ADMIN' | 'ANALYST' | 'AUDITOR' | 'AUTHORITY';
export type UserStatus = 'ACTIVE' | 'BLOCKED' | 'DELETED';
export type Gender = 'MALE' | 'FEMALE';

// Persistence only: GraphQL never sees this class, see user.type.ts.
@Entity({ tableName: 'users' })
@Check({ name: 'users_phone_format', expression: "phone is null or phone ~ '^\\+7[0-9]{10}$'" })
export class User {
  [OptionalProps]?: 'messengers' | 'role' | 'status' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  // Null once the account is erased; unique while held.
  @Property({ type: 'text', nullable: true, unique: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true }) surname: string | null = null;
  @Property({ type: 'text', nullable: true }) firstName: string | null = null;
  @Property({ type: 'text', nullable: true }) patronymic: string | null = null;
  @Enum({ items: ['MALE', 'FEMALE'], nullable: true }) gender: Gender | null = null;
  // AES-256-GCM ciphertext with its key id; never the raw value.
  @Property({ type: 'text', nullable: true }) iinEnc: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) iinBidx: string | null = null;
  @Property({ type: 'text', nullable: true }) passportEnc: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) passportBidx: string | null = null;
  @Property({ type: 'text', nullable: true }) email: string | null = null;
  @Property({ type: 'jsonb', nullable: true }) messengers: Record<string, string> | null = null;
  @Enum({ items: ['TRAVELER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'], default: 'TRAVELER' }) role: UserRole = 'TRAVELER';
  @Enum({ items: ['ACTIVE', 'BLOCKED', 'DELETED'], default: 'ACTIVE' }) status: UserStatus = 'ACTIVE';
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) deletedAt: Date | null = null;
}
