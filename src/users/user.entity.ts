import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import type { UserRole } from '../access/role-kind.js';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

export type UserStatus = 'ACTIVE' | 'BLOCKED' | 'DELETED';
export type Gender = 'MALE' | 'FEMALE';

// Persistence only: GraphQL never sees this class, see user.type.ts.
@Entity({ tableName: 'users', triggers: [...STANDING_TRIGGERS.users] })
@Check({ name: 'users_oidc_subject_staff_check', expression: "oidc_subject is null or role <> 'TRAVELER'" })
export class User {
  [OptionalProps]?: 'role' | 'status' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  // Phone, names, e-mail, messengers, IIN and passport as one value sealed under the user's data key (keyring.user_keys); null once erased.
  @Property({ type: 'text', nullable: true }) piiEnc: string | null = null;
  // Keyed digests for exact lookups (login by phone, one account per IIN); null once erased.
  @Property({ type: 'text', nullable: true, unique: true }) phoneBidx: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) iinBidx: string | null = null;
  @Index() @Property({ type: 'text', nullable: true }) passportBidx: string | null = null;
  // In clear for in-database aggregates with k-anonymity (analytics); two values, null once erased.
  @Enum({ items: ['MALE', 'FEMALE'], nullable: true }) gender: Gender | null = null;
  @Enum({ items: ['TRAVELER', 'SUPPORT', 'MODERATOR', 'ADMIN', 'ANALYST', 'AUDITOR', 'AUTHORITY'], default: 'TRAVELER' }) role: UserRole = 'TRAVELER';
  @Enum({ items: ['ACTIVE', 'BLOCKED', 'DELETED'], default: 'ACTIVE' }) status: UserStatus = 'ACTIVE';
  // The staff member's subject at the configured OpenID issuer (OIDC_ISSUER), which signs their tokens; staff accounts only.
  @Property({ type: 'text', nullable: true, unique: true }) oidcSubject: string | null = null;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'timestamptz', nullable: true }) deletedAt: Date | null = null;
}
