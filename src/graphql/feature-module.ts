import type { EntityClass } from '@mikro-orm/core';
import type { RuleTree } from '../access/rule-tree.js';
import type { LoadersFactory } from './loaders.js';

/** What a feature gives the app: its resolvers, entities and access rules. Each feature exports one; src/app lists them once. */
export interface FeatureModule {
  /** type-graphql resolver classes (any constructor). */
  readonly resolvers?: readonly Function[];
  readonly entities?: readonly EntityClass<object>[];
  readonly rules?: readonly RuleTree[];
  /** The loaders it adds to every request's context. */
  readonly loaders?: LoadersFactory;
}
