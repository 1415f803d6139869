import type { EntityClass } from '@mikro-orm/core';
import type { RuleTree } from '../access/rule-tree.js';
import type { LoadersFactory } from './loaders.js';

/** A type-graphql resolver class (any constructor). */
export type ResolverClass = abstract new (...args: never[]) => unknown;

/** What a feature gives the app: its resolvers, entities and access rules. Each feature exports one; src/app lists them once. */
export interface FeatureModule {
  readonly resolvers?: readonly ResolverClass[];
  readonly entities?: readonly EntityClass<object>[];
  readonly rules?: readonly RuleTree[];
  /** The loaders it adds to every request's context. */
  readonly loaders?: LoadersFactory;
}
