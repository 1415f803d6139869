import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CLIENT_SCOPES } from '../access/client.scopes.js';

const SCOPE_LISTS = Object.entries(CLIENT_SCOPES)
  .map(([kind, scopes]) => `${kind} ${scopes.join(', ')}`)
  .join('; ');

export enum ClientKind {
  PARTNER = 'PARTNER',
  PAYMENT_PROVIDER = 'PAYMENT_PROVIDER',
}
registerEnumType(ClientKind, { name: 'ApiClientKind', description: 'The principal kind of every token the client gets' });

export enum ClientPurpose {
  TOUR_BOOKING = 'TOUR_BOOKING',
  PAYMENT = 'PAYMENT',
}
registerEnumType(ClientPurpose, {
  name: 'ApiClientPurpose',
  description: 'The one purpose the client processes data for: TOUR_BOOKING for partners, PAYMENT for payment providers',
});

@ObjectType('ApiClient', { description: 'A registered partner system using OAuth 2.0 client credentials at /oauth/token' })
export class ApiClientView {
  @Field(() => ID) clientId!: string;
  @Field() name!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => ClientKind) kind!: ClientKind;
  @Field(() => [String], { description: 'The most a token of this client can carry' }) scopes!: string[];
  @Field(() => ClientPurpose) purpose!: ClientPurpose;
  @Field(() => String, { nullable: true, description: 'ISO timestamp; a disabled client gets no tokens and its issued tokens are refused' })
  disabledAt!: string | null;
}

@ObjectType({ description: 'A client with its secret, which is shown this once and stored only as a hash' })
export class ApiClientSecret {
  @Field(() => ApiClientView) client!: ApiClientView;
  @Field() clientSecret!: string;
}

@ArgsType()
export class RegisterApiClientArgs {
  @Field({ description: 'A label for people, 1 to 100 characters' }) name!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => ClientKind, { description: 'PAYMENT_PROVIDER exactly when the partner is a payment provider' }) kind!: ClientKind;
  @Field(() => [String], { description: `Scopes from the known list of the kind: ${SCOPE_LISTS}` }) scopes!: string[];
  @Field(() => ClientPurpose) purpose!: ClientPurpose;
}
