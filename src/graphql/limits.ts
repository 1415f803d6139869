import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { hasUnsafeText, unsafeTextError } from './input-text.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

// graphql-armor reports through onReject; its own throw would escape validate() as an internal error.
const reject = [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(tooComplex(err.message.replace(/^Syntax Error: /, '')))];

// String literals are checked once per document here; variables are checked per request in the operation guard.
const textLiteralsRule: ValidationRule = (ctx): ASTVisitor => ({
  StringValue(node) {
    if (hasUnsafeText(node.value)) ctx.reportError(unsafeTextError(node));
  },
});

/** Depth, alias and directive limits (graphql-armor) and the string-literal check; thresholds appear in messages only outside production. */
export function documentRules(limits: QueryLimits, exposeLimits: boolean): ValidationRule[] {
  const common = { exposeLimits, propagateOnRejection: false, onReject: reject };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, errorMessage: 'Query is too deep.' }),
    maxAliasesRule({ ...common, n: limits.maxAliases, allowList: [], errorMessage: 'Query uses too many aliases.' }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, errorMessage: 'Query uses too many directives.' }),
    textLiteralsRule,
  ];
}
