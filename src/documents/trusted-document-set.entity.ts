import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';
import { STANDING_TRIGGERS } from '../access/standing.trigger.js';

// The registered documents of one API or app client; version moves on every change, so each gateway reloads them on the next request.
@Entity({ tableName: 'trusted_document_sets', triggers: [...STANDING_TRIGGERS.trustedDocumentSets] })
export class TrustedDocumentSet {
  @PrimaryKey({ type: 'text' }) clientId!: string;
  @Property({ type: 'boolean', default: false }) enforced: Opt<boolean> = false;
  @Property({ type: 'integer', default: 1 }) version: Opt<number> = 1;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) updatedAt: Opt<Date> = new Date();
}
