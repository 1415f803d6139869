import { defaultFieldResolver, responsePathAsArray, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import type { GatewayContext } from '../graphql/context.js';
import { decide } from './privacy.decide.js';
import { maskValue } from './privacy.masks.js';
import { pseudonymize } from './privacy.pseudonym.js';
import type { PiiKind } from './privacy.types.js';
import type { SubjectFacts } from './privacy.session.js';

type Resolver = GraphQLFieldResolver<{ id: string }, GatewayContext>;

function expose(kind: PiiKind, inner: Resolver): Resolver {
  return async (source, args, ctx, info) => {
    const privacy = ctx.privacy;
    const p = privacy.principal;
    const f = privacy.facts(source.id);
    const facts: SubjectFacts = f instanceof Promise ? await f : f;
    const d = decide({
      principal: p.kind, purpose: p.purpose, scopes: p.scopes, hasReference: p.purposeRef !== null,
      relation: facts.relation, kind, consents: facts.consents, requestedKinds: facts.requestedKinds ?? undefined,
    });
    if (d.exposure === 'NONE') {
      privacy.findings.push({ path: responsePathAsArray(info.path), kind, exposure: 'NONE', reason: d.reason ?? 'POLICY' });
      return null;
    }
    const value = await inner(source, args, ctx, info);
    if (value == null) return null;
    if (d.exposure === 'FULL') {
      if (facts.relation !== 'SELF') privacy.recordFull(source.id, kind);
      return value;
    }
    privacy.findings.push({ path: responsePathAsArray(info.path), kind, exposure: d.exposure, reason: d.reason ?? 'POLICY' });
    return d.exposure === 'PARTIAL' ? maskValue(kind, String(value)) : pseudonymize(ctx.services.cfg.analyticsPseudonymKey, kind, String(value));
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
