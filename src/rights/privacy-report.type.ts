import { Field, Int, ObjectType } from 'type-graphql';
import { Disclosure } from '../audit/disclosure.type.js';
import { ConsentState } from '../consent/consent.type.js';

@ObjectType({ description: 'Why data is processed, on which basis, and whether the person consents where consent is needed' })
export class ProcessingPurpose {
  @Field() purpose!: string;
  @Field({ description: 'CONTRACT, CONSENT, OPT_OUT or LAW' }) basis!: string;
  @Field() description!: string;
  @Field(() => Boolean, { nullable: true, description: 'Consent state for consent-based purposes; null where no consent is needed' }) consented!: boolean | null;
}

@ObjectType({ description: 'One category of data held about the person: which fields are filled (never their values) and how long it is kept' })
export class HeldDataCategory {
  @Field() category!: string;
  @Field(() => [String], { description: 'Names of the fields or records that hold data; never the values' }) filled!: string[];
  @Field(() => Int, { description: 'Number of records of this category' }) records!: number;
  @Field() retention!: string;
  @Field() basis!: string;
}

@ObjectType({ description: "A named company that received or may receive the person's data, and where it is" })
export class DataRecipient {
  @Field() name!: string;
  @Field({ description: 'TOUR_OPERATOR, PAYMENT_PROVIDER or PROCESSOR' }) kind!: string;
  @Field() city!: string;
  @Field({ description: 'ISO country code' }) country!: string;
  @Field(() => [String], { description: 'Why: BOOKED_TOUR, PAYMENT, PROCESSOR, DISCLOSED' }) reasons!: string[];
}

@ObjectType({ description: 'Personal data released in full to one recipient outside Kazakhstan, from the disclosure log' })
export class CrossBorderTransfer {
  @Field({ description: 'The recipient company' }) recipient!: string;
  @Field({ description: 'ISO country code of the recipient' }) country!: string;
  @Field(() => [String], { description: 'Kinds of personal data transferred' }) kinds!: string[];
  @Field(() => Int, { description: 'How many releases' }) count!: number;
  @Field() firstAt!: Date;
  @Field() lastAt!: Date;
}

@ObjectType({ description: 'Where the data is stored and whether any copy leaves the country' })
export class CrossBorderReport {
  @Field({ description: 'ISO country code of the database and its backups' }) storedIn!: string;
  @Field() description!: string;
  @Field(() => [CrossBorderTransfer], { description: 'Transfers abroad that happened, per recipient; empty: none' }) transfers!: CrossBorderTransfer[];
  @Field(() => ConsentState, { description: "The person's CROSS_BORDER_TRANSFER consent" }) consent!: ConsentState;
}

@ObjectType({ description: 'Everything the privacy policy lets the person know about the processing of their data' })
export class PrivacyReport {
  @Field(() => [ProcessingPurpose]) purposes!: ProcessingPurpose[];
  @Field(() => [ConsentState], { description: 'Consents with the policy version each was given under' }) consents!: ConsentState[];
  @Field(() => [String], { description: 'Policy versions the person accepted, oldest first' }) acceptedPolicyVersions!: string[];
  @Field(() => [HeldDataCategory]) dataHeld!: HeldDataCategory[];
  @Field(() => [DataRecipient]) recipients!: DataRecipient[];
  @Field(() => CrossBorderReport) crossBorder!: CrossBorderReport;
  @Field(() => Int, { description: 'Number of disclosures in the log' }) disclosureCount!: number;
  @Field(() => [Disclosure], { description: "The newest disclosures of the person's data (me.disclosures pages through all of them)" }) disclosures!: Disclosure[];
}
