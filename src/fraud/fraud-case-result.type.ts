import { createUnionType, Field, ObjectType, registerEnumType } from 'type-graphql';
import { FraudCase } from './fraud-case.type.js';

export enum FraudCaseRefusalReason {
  UNKNOWN_SUBJECT = 'UNKNOWN_SUBJECT',
  ASSIGNEE_NOT_ADMIN = 'ASSIGNEE_NOT_ADMIN',
  NOT_OPEN = 'NOT_OPEN',
  NOT_YOURS = 'NOT_YOURS',
}
registerEnumType(FraudCaseRefusalReason, {
  name: 'FraudCaseRefusalReason',
  valuesConfig: {
    UNKNOWN_SUBJECT: { description: 'A named subject is not a known account' },
    ASSIGNEE_NOT_ADMIN: { description: 'Cases are assigned only to active administrators' },
    NOT_OPEN: { description: 'The case is already closed' },
    NOT_YOURS: { description: 'Only the administrator who opened the case or the one assigned closes it' },
  },
});

@ObjectType({ description: 'The case is open; declare its reference to work on it' })
export class FraudCaseOpened {
  @Field(() => FraudCase) fraudCase!: FraudCase;
}

@ObjectType({ description: 'The case is closed: its reference no longer shows anyone in full' })
export class FraudCaseClosed {
  @Field(() => FraudCase) fraudCase!: FraudCase;
}

@ObjectType({ description: 'Nothing was changed' })
export class FraudCaseRefused {
  @Field(() => FraudCaseRefusalReason) reason!: FraudCaseRefusalReason;
}

export type OpenFraudCaseOutcome = FraudCaseOpened | FraudCaseRefused;
export type CloseFraudCaseOutcome = FraudCaseClosed | FraudCaseRefused;

export const OpenFraudCaseResult = createUnionType({
  name: 'OpenFraudCaseResult',
  types: () => [FraudCaseOpened, FraudCaseRefused] as const,
  resolveType: (v) => ('fraudCase' in v ? FraudCaseOpened : FraudCaseRefused),
});

export const CloseFraudCaseResult = createUnionType({
  name: 'CloseFraudCaseResult',
  types: () => [FraudCaseClosed, FraudCaseRefused] as const,
  resolveType: (v) => ('fraudCase' in v ? FraudCaseClosed : FraudCaseRefused),
});
