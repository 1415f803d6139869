import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';
import { freePort } from '../support/free-port.js';
import { DEV_LOGIN_CODE } from '../support/gateway.js';

const ROOT = new URL('../..', import.meta.url).pathname;
let url = '';
const traveller = DEMO_TRAVELERS[1];
const SECRETS = [traveller.phone, traveller.iin, traveller.passport, traveller.email, traveller.surname, traveller.firstName, DEV_LOGIN_CODE];
let child: ChildProcess;
let output = '';

async function post(body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.text();
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // A separate process at the most verbose level, so every log line it writes can be read here.
  child = spawn(`${ROOT}node_modules/.bin/node`, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', PORT: String(port), LOG_LEVEL: 'trace', AUTH_DEV_LOGIN_CODE: DEV_LOGIN_CODE, QAZ_DATA_DIR: `${ROOT}.data/test` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => {
    output += String(d);
  });
  child.stderr!.on('data', (d) => {
    output += String(d);
  });
  // A readiness wait, not a timing: on a loaded machine compiling the sources at start takes a while.
  for (let i = 0; i < 600 && !output.includes('ready'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(output).toContain('ready');
}, 90_000);

afterAll(() => {
  child.kill('SIGTERM');
});

describe('personal data stays out of logs and error messages', () => {
  it('across sign-in and bad input that quotes personal values', async () => {
    expect(await post({ query: 'mutation($p: String!) { requestLoginCode(phone: $p) { __typename } }', variables: { p: traveller.phone } })).toContain('LoginCodeSent');
    expect(
      await post({ query: 'mutation($p: String!, $c: String!) { verifyLoginCode(phone: $p, code: $c) { __typename } }', variables: { p: traveller.phone, c: '000000' } }),
    ).toContain('LoginFailed');
    const login = await post({
      query: 'mutation($p: String!, $c: String!) { verifyLoginCode(phone: $p, code: $c) { ... on LoginSucceeded { tokens { accessToken } } } }',
      variables: { p: traveller.phone, c: DEV_LOGIN_CODE },
    });
    expect(login).toContain('accessToken');
    const errors = [
      await post({ query: 'query($n: Int!) { tours(first: $n) { nodes { id } } }', variables: { n: traveller.iin } }),
      await post({ query: 'query($r: Region) { tours(first: 1, region: $r) { nodes { id } } }', variables: { r: traveller.phone } }),
      await post({ query: `{ tours(first: 1, region: ${traveller.passport}) { nodes { id } } }` }),
      await post({ query: `{ tours(first: ${traveller.iin}) { nodes { id } } }` }),
      await post({ query: `{ tour(id: "${traveller.email}") { id } }` }),
      await post({ query: `{ ${traveller.surname} }` }),
      await post({ query: 'mutation($p: String!) { requestLoginCode(phone: $p) { __typename } }', variables: { p: `${traveller.iin}` } }),
    ];
    for (const e of errors) {
      expect(e).toContain('errors');
      for (const s of SECRETS) expect(e).not.toContain(s);
    }
    // Let the process flush its log lines.
    await new Promise((r) => setTimeout(r, 300));
    expect(output.length).toBeGreaterThan(0);
    for (const s of SECRETS) expect(output).not.toContain(s);
  });
});
