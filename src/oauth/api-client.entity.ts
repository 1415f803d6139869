import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { Partner } from '../partners/partner.entity.js';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

export type ApiClientKind = 'PARTNER' | 'PAYMENT_PROVIDER';

@Entity({ tableName: 'api_clients', triggers: [...STANDING_TRIGGERS.apiClients] })
export class ApiClient {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text', unique: true }) clientId!: string;
  @Property({ type: 'text' }) secretHash!: string;
  @Property({ type: 'text' }) name!: string;
  @ManyToOne(() => Partner) partner!: Rel<Partner>;
  @Enum({ items: ['PARTNER', 'PAYMENT_PROVIDER'] }) kind!: ApiClientKind;
  @Property({ type: 'text[]' }) scopes!: string[];
  @Property({ type: 'text' }) purpose!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
  @Property({ type: 'timestamptz', nullable: true }) disabledAt: Date | null = null;
  // Tokens issued before this instant are refused (revocation by client).
  @Property({ type: 'timestamptz', nullable: true }) tokensValidAfter: Date | null = null;
}
