import type { FreeTextKind } from './free-text.detector.js';
import { maskFreeText } from './free-text.masks.js';
import { reachedVia, type Reached } from './privacy.edge.js';
import { REFERENCE_EDGE } from './reference.service.js';
import type { PrivacyContext } from './privacy.session.js';

const KINDS: readonly FreeTextKind[] = ['IIN', 'PHONE', 'EMAIL', 'PASSPORT'];

/** The author of a text as the caller reaches them: through the declared reference when it names them, else as a staff lookup of the record. */
export async function authorReached(ctx: PrivacyContext, authorId: string, recordId: string): Promise<Reached> {
  const ref = await ctx.privacy.reference();
  return ref?.subjects.has(authorId) ? reachedVia({ id: authorId }, REFERENCE_EDGE[ref.kind], ref.id) : reachedVia({ id: authorId }, 'STAFF_LOOKUP', recordId);
}

/**
 * Someone else's text as the policy lets the caller read it: each kind of personal data found in it stays as written only where
 * the caller may see that kind of the author in FULL (and is then logged as disclosed), and is masked everywhere else.
 */
export async function exposeFreeText(ctx: PrivacyContext, author: Reached, text: string): Promise<string> {
  const facts = await ctx.privacy.facts(author);
  const full = new Set(KINDS.filter((kind) => ctx.privacy.decide(facts, kind).exposure === 'FULL'));
  const out = maskFreeText(text, ctx.privacy.language, full);
  if (facts.relation !== 'SELF') for (const kind of out.revealed) ctx.privacy.recordFull(author.id, facts, kind);
  return out.text;
}
