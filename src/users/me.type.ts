import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Person } from './person.type.js';
import type { PersonRow } from './user.service.js';

// The caller's own account; its fields are resolved in me.resolver.ts and audit/disclosure.resolver.ts.
@ObjectType({ description: 'The signed-in traveller: own profile, consents and the log of disclosures of their data' })
export class Me {
  @Field(() => ID) id!: string;
}

export enum ProfileRejectionReason {
  IIN_ALREADY_REGISTERED = 'IIN_ALREADY_REGISTERED',
}
registerEnumType(ProfileRejectionReason, {
  name: 'ProfileRejectionReason',
  valuesConfig: { IIN_ALREADY_REGISTERED: { description: 'Another account already holds this IIN' } },
});

@ObjectType({ description: 'The profile was saved' })
export class ProfileUpdated {
  @Field(() => Person) profile!: PersonRow;
}

@ObjectType({ description: 'The profile was not saved; nothing changed' })
export class ProfileRejected {
  @Field(() => ProfileRejectionReason) reason!: ProfileRejectionReason;
}

export const ProfileResult = createUnionType({
  name: 'ProfileResult',
  description: 'ProfileUpdated, or ProfileRejected with a reason',
  types: () => [ProfileUpdated, ProfileRejected] as const,
  resolveType: (v) => ('profile' in v ? ProfileUpdated : ProfileRejected),
});
