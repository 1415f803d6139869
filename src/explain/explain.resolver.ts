import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { explainedPrincipal } from './explain-principal.service.js';
import { ExplainAsInput } from './explain.input.js';
import { explainAs } from './explain.service.js';
import { Explanation } from './explain.type.js';

// explain.rules.ts: administrators and auditors, never from inside an explained request.
@Resolver()
export class ExplainResolver {
  @Query(() => Explanation, {
    description:
      'Auditors and administrators: run a query as another principal and get only the exposure decision of every personal field it ' +
      'reaches, never a value; nothing is disclosed, and the explain request itself is logged',
  })
  async explain(
    @Arg('as', () => ExplainAsInput) as: ExplainAsInput,
    @Arg('query', { description: 'The document, as the principal would send it; queries only' }) query: string,
    @Ctx() ctx: GatewayContext,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown> | null,
    @Arg('operationName', () => String, { nullable: true }) operationName?: string | null,
  ): Promise<Explanation> {
    const principal = await explainedPrincipal(ctx.services.sql, as);
    return explainAs(ctx, principal, { query, variables: variables ?? undefined, operationName: operationName ?? undefined });
  }
}
