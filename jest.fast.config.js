// The fast tier: files named *.fast.test.ts run operations in process, as an explicit principal, on the app composed as
// the gateway composes it (test/support/in-process.ts); no port, no tokens. They run in every other pass too.
import base from './jest.config.js';

export default { ...base, testMatch: ['**/*.fast.test.ts'] };
