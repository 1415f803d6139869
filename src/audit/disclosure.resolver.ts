import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, keysetPage, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { pseudonymize } from '../privacy/privacy.pseudonym.js';
import type { PageInfo } from '../tours/tour.type.js';
import { Me } from '../users/me.type.js';
import { type Disclosure, DisclosureLogPage, DisclosurePage } from './disclosure.type.js';
import { allDisclosures, subjectDisclosures, type DisclosureFilter, type DisclosureRow } from './disclosure.service.js';
import { DisclosureLogFilter } from './disclosure.input.js';
import { subjectMatch } from './subject-pseudonym.js';
import { BadInputError } from '../graphql/errors.js';
import { PRINCIPAL_KINDS, PURPOSES } from '../privacy/privacy.vocabulary.js';

function toDisclosure(r: DisclosureRow): Disclosure {
  const partner = r.partnerId && r.partnerName ? { id: r.partnerId, name: r.partnerName } : null;
  return { id: r.id, recipient: { kind: r.recipientKind, partner }, kinds: r.kinds, purpose: r.purpose, reference: r.reference, at: r.at, withheld: r.withheld };
}

const RECIPIENT_KINDS: ReadonlySet<string> = new Set(PRINCIPAL_KINDS);
const KNOWN_PURPOSES: ReadonlySet<string> = new Set(PURPOSES);

function oneOf(value: string | null | undefined, known: ReadonlySet<string>, field: string): string | null {
  if (value == null) return null;
  if (!known.has(value)) throw new BadInputError(`${field} must be one of ${[...known].join(', ')}`, field);
  return value;
}

function toFilter(f: DisclosureLogFilter | null | undefined, key: Buffer): DisclosureFilter {
  if (f?.from && f.to && f.from >= f.to) throw new BadInputError('from must be before to', 'to');
  return {
    recipientKind: oneOf(f?.recipientKind, RECIPIENT_KINDS, 'recipientKind'),
    recipientId: f?.recipientId ?? null,
    purpose: oneOf(f?.purpose, KNOWN_PURPOSES, 'purpose'),
    from: f?.from ?? null,
    to: f?.to ?? null,
    subject: f?.subject ? subjectMatch(key, f.subject) : null,
    requestId: f?.requestId ?? null,
  };
}

/** Fetches one row more than asked to learn whether another page follows. */
async function page<R extends DisclosureRow, T>(
  first: number,
  ctx: GatewayContext,
  fetch: (limit: number) => Promise<R[]>,
  map: (r: R) => T,
): Promise<{ nodes: T[]; pageInfo: PageInfo }> {
  const { nodes, pageInfo } = keysetPage(await fetch(pageSize(first, ctx.services.cfg.limits.maxPageSize) + 1), first, (r) => ({ key: r.atKey, id: r.id }));
  return { nodes: nodes.map(map), pageInfo };
}

@Resolver(() => Me)
export class MyDisclosuresResolver {
  @FieldResolver(() => DisclosurePage, { nullable: true, description: "Every release of the caller's personal data to someone else, newest first" })
  disclosures(
    @Root() me: Me,
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<DisclosurePage> {
    const cursor = after ? decodeCursor(after, TIMESTAMP_KEY) : null;
    return page(first, ctx, (limit) => subjectDisclosures(ctx.services.sql, me.id, cursor, limit), toDisclosure);
  }
}

@Resolver()
export class DisclosureLogResolver {
  @Query(() => DisclosureLogPage, { description: 'Auditors: the whole disclosure log, people shown only as keyed pseudonyms' })
  disclosureLog(
    @Ctx() ctx: GatewayContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (with the same filter)' }) after?: string | null,
    @Arg('filter', () => DisclosureLogFilter, { nullable: true }) filter?: DisclosureLogFilter | null,
  ): Promise<DisclosureLogPage> {
    const cursor = after ? decodeCursor(after, TIMESTAMP_KEY) : null;
    const key = ctx.services.cfg.pseudonymKey;
    const f = toFilter(filter, key);
    return page(
      first,
      ctx,
      (limit) => allDisclosures(ctx.services.sql, f, cursor, limit),
      (r) => ({
        ...toDisclosure(r),
        subject: pseudonymize(key, 'SUBJECT', r.subjectId),
        recipientId: r.recipientId,
        edge: r.edge,
        referenceKind: r.referenceKind,
        referenceId: r.referenceId,
        recipientCountry: r.recipientCountry,
        requestId: r.requestId,
      }),
    );
  }
}
