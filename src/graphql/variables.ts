import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { holdsUnsafeText, unsafeTextError } from './input-text.js';

function badVariable(message: string, node: VariableDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

// graphql-js's structural messages name only schema members and quote the one unknown key (scrubbed later);
// a scalar's or enum's own message prints the rejected value, object keys unquoted, so it becomes the bare expectation.
const STRUCTURAL = /^(?:Field "(?:[^"\\]|\\.)*" (?:of required type|is not defined by type) |Expected type "[^"]+" to be an object\.$)/;

function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLNamedType {
  let t: GraphQLInputType = type;
  for (const step of path) {
    const inner = getNullableType(t);
    if (isListType(inner)) t = inner.ofType;
    else if (isInputObjectType(inner)) t = inner.getFields()[step].type;
  }
  return getNamedType(t);
}

function reason(type: GraphQLInputType, path: readonly (string | number)[], message: string): string {
  return STRUCTURAL.test(message) ? message : `Expected type "${typeAt(type, path).name}".`;
}

/**
 * Coerces the operation's variables as execution will, before it starts: a refusal names the variable, the path by
 * schema names and list indexes, and never the value; any string holding NUL or a lone surrogate is refused too.
 */
export function checkVariables(schema: GraphQLSchema, defs: readonly VariableDefinitionNode[], inputs: Readonly<Record<string, unknown>>): GraphQLError | null {
  for (const def of defs) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type);
    // Validation already refused non-input types; nothing to coerce here.
    if (!type || !isInputType(type)) continue;
    if (!Object.hasOwn(inputs, name)) {
      // A default is a literal, checked with the document's other string literals.
      if (!def.defaultValue && isNonNullType(type)) return badVariable(`Variable "$${name}" of required type "${type.toString()}" was not provided.`, def);
      continue;
    }
    const given = inputs[name];
    if (given === null && isNonNullType(type)) return badVariable(`Variable "$${name}" of non-null type "${type.toString()}" must not be null.`, def);
    let error: GraphQLError | null = null;
    const coerced = coerceInputValue(given, type, (path, _value, e) => {
      const at = path.length ? ` at ${[name, ...path].join('.')}` : '';
      error ??= badVariable(`Variable "$${name}" got an invalid value${at}; ${reason(type, path, e.message)}`, def);
    });
    if (error) return error;
    if (holdsUnsafeText(coerced)) return unsafeTextError(def, name);
  }
  return null;
}
