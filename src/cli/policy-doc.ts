import { writeFileSync } from 'node:fs';
import { renderPolicyDoc } from '../privacy/policy-doc.js';

// Writes docs/privacy-policy.md from the policy file; a test fails when the two drift apart.
const out = new URL('../../docs/privacy-policy.md', import.meta.url);
writeFileSync(out, renderPolicyDoc());
console.log(`wrote ${out.pathname}`);
