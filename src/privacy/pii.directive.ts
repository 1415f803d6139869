import { DirectiveLocation, GraphQLDirective, GraphQLEnumType, GraphQLNonNull } from 'graphql';
import { PII_KINDS } from './privacy.vocabulary.js';

const PiiKindEnum = new GraphQLEnumType({
  name: 'PiiKind',
  description: 'Kinds of personal data the privacy policy decides on',
  values: Object.fromEntries(PII_KINDS.map((k) => [k, { value: k }])),
});

export const piiDirective = new GraphQLDirective({
  name: 'pii',
  description: 'The field carries personal data of this kind; the privacy layer decides per row what is shown',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { kind: { type: new GraphQLNonNull(PiiKindEnum) } },
});
