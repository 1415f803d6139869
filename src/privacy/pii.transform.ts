import { defaultFieldResolver, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import type { Reached } from './privacy.edge.js';
import { maskValue, nameParts } from './privacy.masks.js';
import type { PiiKind } from './privacy.vocabulary.js';
import type { PrivacyContext, SubjectFacts } from './privacy.session.js';

type Resolver = GraphQLFieldResolver<Reached, PrivacyContext>;

function finish(
  kind: PiiKind,
  exposure: 'FULL' | 'PARTIAL' | 'PSEUDONYM',
  reason: string | undefined,
  facts: SubjectFacts,
  value: unknown,
  source: Reached,
  ctx: PrivacyContext,
  info: GraphQLResolveInfo,
): unknown {
  if (value == null) return null;
  if (exposure === 'FULL') {
    if (facts.relation !== 'SELF') ctx.privacy.recordFull(source.id, facts, kind);
    return value;
  }
  ctx.privacy.findings.push({ path: responsePathAsArray(info.path), kind, exposure, reason: reason ?? 'POLICY' });
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- every @pii field is a String in the schema
  const text = String(value);
  if (exposure === 'PSEUDONYM') return ctx.privacy.pseudonym(kind, text);
  return maskValue(kind, (kind === 'FULL_NAME' && nameParts(source)) || text);
}

function decideAndResolve(kind: PiiKind, inner: Resolver, facts: SubjectFacts, source: Reached, args: unknown, ctx: PrivacyContext, info: GraphQLResolveInfo): unknown {
  const d = ctx.privacy.decide(facts, kind);
  const explained = ctx.privacy.explained;
  if (explained) {
    // Explain mode: the decision is reported and the value never produced, masked or not.
    explained.push({ path: responsePathAsArray(info.path), kind, exposure: d.exposure, reason: d.reason ?? null });
    return null;
  }
  if (d.exposure === 'NONE') {
    ctx.privacy.findings.push({ path: responsePathAsArray(info.path), kind, exposure: 'NONE', reason: d.reason ?? 'POLICY' });
    return null;
  }
  const exposure = d.exposure;
  // The raw value is produced only once the decision allows something out of it.
  const value = inner(source, args, ctx, info);
  return value instanceof Promise
    ? value.then((v) => finish(kind, exposure, d.reason, facts, v, source, ctx, info))
    : finish(kind, exposure, d.reason, facts, value, source, ctx, info);
}

// Stays synchronous whenever the facts and the inner resolver are, so masked lists cost no extra promises.
function expose(kind: PiiKind, inner: Resolver): Resolver {
  return (source, args, ctx, info) => {
    const facts = ctx.privacy.facts(source);
    return facts instanceof Promise ? facts.then((f) => decideAndResolve(kind, inner, f, source, args, ctx, info)) : decideAndResolve(kind, inner, facts, source, args, ctx, info);
  };
}

/** Wraps exactly the @pii fields with the exposure decision; every other field keeps its resolver untouched. */
export function applyPiiExposure(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const pii = getDirective(schema, field, 'pii')?.[0];
      if (!pii) return field;
      return { ...field, resolve: expose(pii.kind as PiiKind, (field.resolve ?? defaultFieldResolver) as Resolver) };
    },
  });
}
