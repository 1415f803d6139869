import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Principal } from './principal.js';

/** On a mutation that may change the standing of the caller's own tokens (a session ended, an account erased). */
export const CHANGES_OWN_STANDING = { changesOwnStanding: true } as const;

/** Whether a mutation operation may change its caller's own standing; a root fragment counts as may. */
export function changesOwnStanding(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || fields[s.name.value]?.extensions.changesOwnStanding === true);
}

/** Told of every mutation an instance served: by whom, and whether it may have changed the standing of the caller's own tokens. */
export type AfterMutation = (by: Principal, changedOwnStanding: boolean) => void;
