import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { renderPolicyDoc } from '../../src/privacy/policy-doc.js';

describe('docs/privacy-policy.md', () => {
  it('is what the policy file generates (run npm run policy:doc after changing the policy)', () => {
    expect(readFileSync(new URL('../../docs/privacy-policy.md', import.meta.url), 'utf8')).toBe(renderPolicyDoc());
  });
});
