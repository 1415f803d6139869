import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A published edition of the privacy policy; it applies from its publication (policy §11)' })
export class PolicyVersionInfo {
  @Field() version!: string;
  @Field() publishedAt!: Date;
  @Field({ description: 'SHA-256 of the published text, lower-case hex' }) textSha256!: string;
}

@ObjectType({ description: 'The caller accepted this policy version' })
export class PolicyAcceptance {
  @Field() version!: string;
  @Field() acceptedAt!: Date;
}
