import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';

// Append-only: one row per recipient, subject and request that received FULL values.
@Entity({ tableName: 'disclosures' })
@Index({ properties: ['subjectId', 'at'] })
export class Disclosure {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text' }) recipientKind!: string;
  @Property({ type: 'text', nullable: true }) recipientId: string | null = null;
  @Property({ type: 'text', nullable: true }) recipientPartnerId: string | null = null;
  @Property({ type: 'uuid' }) subjectId!: string;
  @Property({ type: 'text[]' }) kinds!: string[];
  @Property({ type: 'text' }) purpose!: string;
  @Property({ type: 'text', nullable: true }) reference: string | null = null;
  @Property({ type: 'text' }) requestId!: string;
  // For the purge's range delete by at alone; BRIN, as the log is appended in time order and each read's insert barely pays for it.
  @Index({ type: 'brin' }) @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
