import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { EDGES, oneOfCheck, PRINCIPAL_KINDS, PURPOSES } from '../privacy/privacy.vocabulary.js';
import type { Opt } from '@mikro-orm/core';

// Append-only: one row per recipient, subject and request that received FULL values. Partitioned by month on at (see the
// migration Migration20261126160000_disclosures_by_month), so at is part of the key.
@Entity({ tableName: 'disclosures' })
@Index({ properties: ['subjectId', 'at'] })
@Check({ name: 'disclosures_edge_check', expression: `edge is null or ${oneOfCheck('edge', EDGES)}` })
@Check({ name: 'disclosures_recipient_kind_check', expression: oneOfCheck('recipient_kind', PRINCIPAL_KINDS) })
@Check({ name: 'disclosures_purpose_check', expression: oneOfCheck('purpose', [...PURPOSES, 'NONE']) })
export class Disclosure {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text' }) recipientKind!: string;
  @Property({ type: 'text', nullable: true }) recipientId: string | null = null;
  @Property({ type: 'text', nullable: true }) recipientPartnerId: string | null = null;
  @Property({ type: 'uuid' }) subjectId!: string;
  @Property({ type: 'text[]' }) kinds!: string[];
  @Property({ type: 'text' }) purpose!: string;
  @Property({ type: 'text', nullable: true }) reference: string | null = null;
  /** The gateway's own request id. */
  @Property({ type: 'text' }) requestId!: string;
  /** The field through which the person was reached, and the record (booking, payment, ticket, case, request) behind it. */
  @Property({ type: 'text', nullable: true }) edge: string | null = null;
  @Property({ type: 'text', nullable: true }) referenceKind: string | null = null;
  @Property({ type: 'uuid', nullable: true }) referenceId: string | null = null;
  @Property({ type: 'text', nullable: true }) recipientCountry: string | null = null;
  /** The caller's x-request-id, when it had the strict format. */
  @Property({ type: 'text', nullable: true }) callerRequestId: string | null = null;
  // For the purge's range delete by at alone; BRIN, as the log is appended in time order and each read's insert barely pays for it.
  @Index({ type: 'brin' }) @PrimaryKey({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
}
