import { Check, Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt, Rel } from '@mikro-orm/core';
import { TrustedDocumentSet } from './trusted-document-set.entity.js';

// One operation document a client registered, under the sha256 of its text (the id its requests carry).
@Entity({ tableName: 'trusted_documents' })
@Check({ name: 'trusted_documents_id_sha256', expression: "id ~ '^[0-9a-f]{64}$'" })
export class TrustedDocument {
  @ManyToOne(() => TrustedDocumentSet, { primary: true, deleteRule: 'cascade', fieldName: 'client_id' }) set!: Rel<TrustedDocumentSet>;
  @PrimaryKey({ type: 'text' }) id!: string;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) createdAt: Opt<Date> = new Date();
}
