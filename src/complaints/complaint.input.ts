import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Metadata of a document attached to a complaint; the file itself goes to document storage' })
export class AttachmentInput {
  @Field() name!: string;
  @Field({ description: 'PDF, JPEG, PNG, HEIC or plain text' }) mimeType!: string;
  @Field(() => Int, { description: 'At most 10 MiB' }) sizeBytes!: number;
  @Field({ description: 'SHA-256 of the file, 64 hex digits' }) sha256!: string;
}
