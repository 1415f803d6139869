// Every file but the fast tier: the HTTP tier (the wire, tokens, limits, processes, crashes) and the unit and database tests.
import base from './jest.config.js';

export default { ...base, testPathIgnorePatterns: ['/node_modules/', '\\.fast\\.test\\.ts$'] };
