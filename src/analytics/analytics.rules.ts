import { and } from 'graphql-shield';
import { isAnalyst } from '../access/principal.rules.js';
import { notExplaining } from '../explain/explain.rules.js';

// Each answer spends the analyst's budget and is kept for them: explain mode never asks in their name.
export const analyticsRules = {
  Query: { analytics: and(isAnalyst, notExplaining) },
};
