import { MASK_EXAMPLES, maskValue } from './privacy.masks.js';
import { PRIVACY_POLICY } from './privacy.policy.js';
import type { PolicyRule } from './privacy.policy.js';
import { PRINCIPAL_KINDS } from './privacy.types.js';
import type { PiiKind } from './privacy.types.js';

const DASH = '—';

function kinds(list: readonly PiiKind[] | 'REQUESTED'): string {
  if (list === 'REQUESTED') return 'the kinds the request names';
  return list.length === 0 ? DASH : list.join(', ');
}

function requirements(rule: PolicyRule): string {
  const { scope, reference, consent } = rule.requires;
  const parts = [
    scope ? `scope \`${scope}\`` : '',
    reference ? 'a ticket, case or request reference' : '',
    consent ? `consent ${consent} active` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? DASH : parts.join('; ');
}

function anyOr(list: readonly string[] | 'ANY', any: string): string {
  return list === 'ANY' ? any : list.join(', ');
}

function principalSection(principal: string, rules: readonly PolicyRule[]): string[] {
  const rows = rules.map((r) => `| ${anyOr(r.purposes, 'any (or none)')} | ${anyOr(r.relations, 'anyone')} | ${requirements(r)} | ${kinds(r.full)} | ${kinds(r.partial)} | ${kinds(r.pseudonym)} | ${r.note} |`);
  return [`### ${principal}`, '', '| purposes | relation | requires | FULL | PARTIAL | PSEUDONYM | note |', '|---|---|---|---|---|---|---|', ...rows, ''];
}

function show(value: string | null): string {
  return value === null ? 'nothing (NONE)' : `\`${value}\``;
}

/** The policy as markdown, generated from PRIVACY_POLICY and the masks so the document cannot drift from the code. */
export function renderPolicyDoc(): string {
  const lines = [
    '# Privacy policy: who sees what',
    '',
    'Generated from `src/privacy/privacy.policy.ts` by `renderPolicyDoc()` in `src/privacy/policy-doc.ts`; do not edit by hand.',
    '',
    'Per field and row, every rule of the caller\'s kind whose purpose, scope, reference, relation and consent requirements',
    'all hold is considered and the most permissive exposure for the kind wins (FULL > PARTIAL > PSEUDONYM > NONE).',
    'A kind no matching rule lists is NONE. When the result is not FULL, the reason is the first unmet check',
    '(purpose, scope, reference, relation, consent, request) of the nearest rule that would show more, or POLICY when none would.',
    '',
    '## Rules by principal',
    '',
    ...PRINCIPAL_KINDS.flatMap((p) => {
      const rules = PRIVACY_POLICY.filter((r) => r.principal === p);
      return rules.length === 0 ? [] : principalSection(p, rules);
    }),
    '## PARTIAL masks',
    '',
    '| kind | example | PARTIAL shows |',
    '|---|---|---|',
    ...MASK_EXAMPLES.map(({ kind, input }) => `| ${kind} | \`${input}\` | ${show(maskValue(kind, input))} |`),
    '',
    'PSEUDONYM is `ps_` + base64url HMAC-SHA256 under a secret key, separated by kind: stable per key, useless without it.',
    '',
  ];
  return lines.join('\n');
}
