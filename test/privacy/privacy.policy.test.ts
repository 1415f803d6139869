import { describe, expect, it } from '@jest/globals';
import { createDecider } from '../../src/privacy/privacy.decide.js';
import { PRIVACY_POLICY } from '../../src/privacy/privacy.policy.js';
import { EDGES, MASKABLE_KINDS, NOT_VIA, PRINCIPAL_KINDS } from '../../src/privacy/privacy.vocabulary.js';
import { EDGE_DOC, renderPolicyDoc } from '../../src/privacy/policy-doc.js';

describe('privacy policy', () => {
  it('grants PARTIAL only for kinds that have a mask', () => {
    for (const rule of PRIVACY_POLICY) {
      for (const kind of rule.partial) expect(MASKABLE_KINDS).toContain(kind);
    }
  });

  it('has at least one rule for every principal kind', () => {
    for (const p of PRINCIPAL_KINDS) expect(PRIVACY_POLICY.some((r) => r.principal === p)).toBe(true);
  });

  it('drives the decider: an empty policy shows nothing', () => {
    const nothing = createDecider([]);
    expect(
      nothing({
        principal: 'USER',
        purpose: 'ACCOUNT',
        scopes: [],
        hasReference: false,
        edge: 'PROFILE_SELF',
        relation: 'SELF',
        kind: 'PHONE',
        consents: new Set(),
      }),
    ).toEqual({ exposure: 'NONE', reason: 'POLICY' });
  });
});

describe('renderPolicyDoc', () => {
  const doc = renderPolicyDoc();

  it('renders one section per principal and one row per rule', () => {
    for (const p of PRINCIPAL_KINDS) expect(doc).toContain(`### ${p}\n`);
    for (const rule of PRIVACY_POLICY) expect(doc).toContain(`| ${rule.note} |`);
  });

  it('renders the masks from the mask functions', () => {
    expect(doc).toContain('| `********0811` |');
    expect(doc).toContain('`+7 7** *** **67`');
    expect(doc).toContain('`a***@mail.kz`');
    expect(doc).toContain('| FULL_NAME | `Aigerim Nurlanovna Kassymova` | `Aigerim K.` |');
    expect(doc).toContain('| GENDER | `FEMALE` | nothing (NONE) |');
  });
});

describe('one vocabulary', () => {
  it('documents every edge of the vocabulary, once', () => {
    expect(EDGE_DOC.map(([edge]) => edge).sort()).toEqual([...EDGES].sort());
    for (const edge of EDGES) expect(renderPolicyDoc()).toContain(`| ${edge} |`);
  });

  it('names a NOT_VIA reason for every edge a rule requires', () => {
    for (const rule of PRIVACY_POLICY) {
      if (rule.edges === 'ANY' || rule.edges.length !== 1) continue;
      expect(NOT_VIA[rule.edges[0]]).toMatch(/^NOT_VIA_/);
    }
  });
});
