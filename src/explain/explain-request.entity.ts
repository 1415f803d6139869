import { Check, Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Opt } from '@mikro-orm/core';
import { oneOfCheck, PRINCIPAL_KINDS, PURPOSES } from '../privacy/privacy.vocabulary.js';

// Append-only: who explained which document as whom; the document only as its hash, so no value a query names is kept.
@Entity({ tableName: 'explain_requests' })
@Index({ properties: ['at'] })
@Check({ name: 'explain_requests_explainer_kind_check', expression: oneOfCheck('explainer_kind', ['ADMIN', 'AUDITOR']) })
@Check({ name: 'explain_requests_as_kind_check', expression: oneOfCheck('as_kind', PRINCIPAL_KINDS) })
@Check({ name: 'explain_requests_as_purpose_check', expression: `as_purpose is null or ${oneOfCheck('as_purpose', PURPOSES)}` })
export class ExplainRequest {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'timestamptz', defaultRaw: 'now()' }) at: Opt<Date> = new Date();
  /** The gateway's id of the explain request. */
  @Property({ type: 'text' }) requestId!: string;
  @Property({ type: 'text' }) explainerKind!: string;
  @Property({ type: 'text' }) explainerId!: string;
  @Property({ type: 'text' }) asKind!: string;
  /** The account or API client explained as. */
  @Property({ type: 'text', nullable: true }) asId: string | null = null;
  @Property({ type: 'text', nullable: true }) asPartnerId: string | null = null;
  @Property({ type: 'text[]' }) asScopes!: string[];
  @Property({ type: 'text', nullable: true }) asPurpose: string | null = null;
  @Property({ type: 'text', nullable: true }) asReference: string | null = null;
  @Property({ type: 'text' }) documentSha256!: string;
  @Property({ type: 'integer' }) decisions!: number;
  @Property({ type: 'integer' }) errors!: number;
}
