import { Check, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';
import { oneOfCheck, PRINCIPAL_KINDS } from '../privacy/privacy.vocabulary.js';
import { BREACH_TRIGGERS } from './breach.policy.js';

export const INCIDENT_RESOLUTIONS = Object.freeze(['AUTHORITY_NOTIFIED', 'NOT_A_BREACH'] as const);
export type IncidentResolution = (typeof INCIDENT_RESOLUTIONS)[number];

// The incidents register (law 94-V): a suspected breach per recipient account, its deadline for notifying the authority, the
// notification and the closing. Counts and ids only, never a value.
@Entity({ tableName: 'privacy_incidents' })
@Unique({ name: 'privacy_incidents_one_open_per_recipient', properties: ['recipientKind', 'recipientId'], where: 'closed_at is null' })
@Index({ properties: ['openedAt', 'id'] })
@Check({ name: 'privacy_incidents_recipient_kind_check', expression: oneOfCheck('recipient_kind', PRINCIPAL_KINDS) })
@Check({ name: 'privacy_incidents_trigger_check', expression: oneOfCheck('trigger', BREACH_TRIGGERS) })
@Check({ name: 'privacy_incidents_resolution_check', expression: `resolution is null or ${oneOfCheck('resolution', INCIDENT_RESOLUTIONS)}` })
@Check({ name: 'privacy_incidents_closed_resolved', expression: '(closed_at is null) = (resolution is null)' })
export class PrivacyIncident {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'text' }) recipientKind!: string;
  /** The staff account or API client that received the releases. */
  @Property({ type: 'text' }) recipientId!: string;
  @Property({ type: 'text', nullable: true }) recipientPartnerId: string | null = null;
  @Property({ type: 'text' }) trigger!: string;
  @Property({ type: 'integer' }) releasesLastHour!: number;
  @Property({ type: 'integer' }) ceilingPerHour!: number;
  @Property({ type: 'double', nullable: true }) baselinePerHour: number | null = null;
  @Property({ type: 'double' }) baselineMultiple!: number;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) openedAt: Opt<Date> = new Date();
  /** When the authority must have been told: the end of the next business day in Kazakhstan. */
  @Property({ type: 'timestamptz' }) notifyBy!: Date;
  @Property({ type: 'boolean' }) calendarCovered!: boolean;
  /** The recipient's FULL releases were held when the incident opened, until an administrator clears the hold. */
  @Property({ type: 'boolean' }) held!: boolean;
  @Property({ type: 'timestamptz', nullable: true }) holdClearedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) holdClearedBy: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) notifiedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) notifiedBy: string | null = null;
  /** The authority's registration number of the notification. */
  @Property({ type: 'text', nullable: true }) notificationReference: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) closedBy: string | null = null;
  @Property({ type: 'text', nullable: true }) resolution: string | null = null;
}
