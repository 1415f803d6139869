import type { IRules } from 'graphql-shield';

type ShieldRule = Exclude<IRules, Record<string, unknown>>;

/** type name -> field name (or '*') -> named rule. */
export type RuleTree = Record<string, Record<string, ShieldRule>>;
