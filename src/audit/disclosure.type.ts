import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo, PartnerSummary } from '../tours/tour.type.js';

@ObjectType({ description: 'Who received the data' })
export class DisclosureRecipient {
  @Field({ description: "The recipient's principal kind (PARTNER, PAYMENT_PROVIDER, SUPPORT, ADMIN, AUTHORITY, ...)" }) kind!: string;
  @Field(() => PartnerSummary, { nullable: true, description: 'The company the recipient acted for, if any' }) partner!: PartnerSummary | null;
}

@ObjectType({ description: "One release of a person's personal data, in full, to someone other than the person" })
export class Disclosure {
  @Field(() => ID) id!: string;
  @Field(() => DisclosureRecipient) recipient!: DisclosureRecipient;
  @Field(() => [String], { description: 'Kinds of personal data released (IIN, PASSPORT, PHONE, ...)' }) kinds!: string[];
  @Field({ description: 'The purpose the recipient declared' }) purpose!: string;
  @Field(() => String, { nullable: true, description: 'Ticket, case or request number backing the purpose' }) reference!: string | null;
  @Field({ description: 'When; only the day while details are withheld' }) at!: Date;
  @Field({ description: 'True while a confidential authority request keeps the details from the person: a state body received data under law that day' })
  withheld!: boolean;
}

@ObjectType({ description: 'Disclosures, newest first' })
export class DisclosurePage {
  @Field(() => [Disclosure]) nodes!: Disclosure[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType({ description: 'A disclosure as an auditor sees it: the person only as a keyed pseudonym' })
export class DisclosureLogEntry extends Disclosure {
  @Field({ description: 'Keyed pseudonym of the person (stable, useless without the key); never a name or an id' }) subject!: string;
  @Field(() => String, { nullable: true, description: 'The individual recipient account: staff user id or API client id' }) recipientId!: string | null;
  @Field(() => String, { nullable: true, description: 'The edge through which the person was reached (BOOKING_TRAVELLER, TICKET_SUBJECT, ...); null on rows from before edges' })
  edge!: string | null;
  @Field(() => String, { nullable: true, description: 'The kind of record behind the release (BOOKING, PAYMENT, SUPPORT_TICKET, FRAUD_CASE, AUTHORITY_REQUEST)' })
  referenceKind!: string | null;
  @Field(() => ID, { nullable: true, description: "That record's id" }) referenceId!: string | null;
  @Field(() => String, { nullable: true, description: "The recipient company's country, when the recipient is a company" }) recipientCountry!: string | null;
  @Field({ description: "The gateway's id of the request that released the data (x-request-id)" }) requestId!: string;
}

@ObjectType({ description: 'The whole disclosure log, newest first' })
export class DisclosureLogPage {
  @Field(() => [DisclosureLogEntry]) nodes!: DisclosureLogEntry[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
