import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PrincipalKindEnum } from '../explain/explain.type.js';
import { enumOf } from '../graphql/enum-of.js';
import type { PrincipalKind } from '../privacy/privacy.vocabulary.js';
import { PageInfo, PartnerSummary } from '../tours/tour.type.js';
import { BREACH_TRIGGERS, type BreachTrigger } from './breach.policy.js';
import { INCIDENT_RESOLUTIONS, type IncidentResolution } from './privacy-incident.entity.js';

export const BreachTriggerEnum = enumOf(BREACH_TRIGGERS);
registerEnumType(BreachTriggerEnum, {
  name: 'BreachTrigger',
  valuesConfig: {
    CEILING: { description: 'More FULL releases in an hour than the configured ceiling' },
    BASELINE: { description: "More FULL releases in an hour than the configured multiple of the recipient's own baseline" },
  },
});
export const IncidentResolutionEnum = enumOf(INCIDENT_RESOLUTIONS);
registerEnumType(IncidentResolutionEnum, {
  name: 'IncidentResolution',
  valuesConfig: {
    AUTHORITY_NOTIFIED: { description: 'A breach, reported to the authority (the notification must be recorded first)' },
    NOT_A_BREACH: { description: 'Examined and found legitimate: nothing to report' },
  },
});

export enum IncidentStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });

export enum IncidentRefusalReason {
  CLOSED = 'CLOSED',
  HOLD_ACTIVE = 'HOLD_ACTIVE',
  NOT_HELD = 'NOT_HELD',
  NOT_NOTIFIED = 'NOT_NOTIFIED',
}
registerEnumType(IncidentRefusalReason, {
  name: 'IncidentRefusalReason',
  valuesConfig: {
    CLOSED: { description: 'The incident is closed' },
    HOLD_ACTIVE: { description: "The recipient's releases are still held: an administrator clears the hold first" },
    NOT_HELD: { description: 'No hold is active on this incident' },
    NOT_NOTIFIED: { description: 'AUTHORITY_NOTIFIED needs the notification recorded first' },
  },
});

@ObjectType({ description: 'The account that received the releases' })
export class IncidentRecipient {
  @Field(() => PrincipalKindEnum) kind!: PrincipalKind;
  @Field(() => ID, { description: 'The staff account id or API client id' }) id!: string;
  @Field(() => PartnerSummary, { nullable: true, description: 'The company an API client acts for' }) partner!: PartnerSummary | null;
}

@ObjectType({ description: "A suspected breach (law 94-V): a recipient account's FULL releases above its ceiling or its own baseline" })
export class PrivacyIncident {
  @Field(() => ID) id!: string;
  @Field(() => IncidentRecipient) recipient!: IncidentRecipient;
  @Field(() => BreachTriggerEnum) trigger!: BreachTrigger;
  @Field(() => Int, { description: 'FULL disclosure rows in the hour that opened it' }) releasesLastHour!: number;
  @Field(() => Int) ceilingPerHour!: number;
  @Field(() => Float, { nullable: true, description: "The recipient's mean rows per active hour before; null without history" }) baselinePerHour!: number | null;
  @Field(() => Float) baselineMultiple!: number;
  @Field() openedAt!: Date;
  @Field({ description: 'Notify the authority by then: the end of the next business day in Kazakhstan (weekends and public holidays skipped)' }) notifyBy!: Date;
  @Field({ description: 'False when the holiday list did not cover the days counted: only weekends were skipped, so the deadline is early' })
  calendarCovered!: boolean;
  @Field({ description: 'True while the recipient gets no FULL values (reason INCIDENT_HOLD)' }) holdActive!: boolean;
  @Field(() => Date, { nullable: true }) holdClearedAt!: Date | null;
  @Field(() => Date, { nullable: true }) notifiedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The authority's registration number of the notification" }) notificationReference!: string | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => IncidentResolutionEnum, { nullable: true }) resolution!: IncidentResolution | null;
}

@ObjectType({ description: 'Incidents, newest first' })
export class PrivacyIncidentPage {
  @Field(() => [PrivacyIncident]) nodes!: PrivacyIncident[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'The incident as it now stands' })
export class IncidentUpdated {
  @Field(() => PrivacyIncident) incident!: PrivacyIncident;
}

@ObjectType({ description: 'Nothing was changed' })
export class IncidentRefused {
  @Field(() => IncidentRefusalReason) reason!: IncidentRefusalReason;
}

export type IncidentOutcome = IncidentUpdated | IncidentRefused;

export const IncidentResult = createUnionType({
  name: 'IncidentResult',
  types: () => [IncidentUpdated, IncidentRefused] as const,
  resolveType: (v) => ('incident' in v ? IncidentUpdated : IncidentRefused),
});
