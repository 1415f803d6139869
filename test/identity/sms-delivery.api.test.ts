import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestLoginCodeDocument, VerifyLoginCodeDocument } from '../generated/operations.js';
import { waitFor } from '../support/faults.js';
import { gql } from '../support/http.js';
import { freshProductionKeys } from '../support/production-keys.js';
import { startSmsGatewayStub } from '../support/sms-gateway-stub.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const API_KEY = `kz${randomBytes(20).toString('hex')}`;
const SENDER = 'QAZTRACKER';

/** The gateway from source in a process of its own, at the most verbose log level, so every line it writes can be read here. */
function startGatewayProcess(env: Record<string, string>) {
  const { AUTH_DEV_LOGIN_CODE: _none, ...inherited } = process.env;
  let output = '';
  const proc = spawn(`${ROOT}node_modules/.bin/node`, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, NODE_OPTIONS: '', PORT: '0', QAZ_DATA_DIR: `${ROOT}.data/test`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => {
    output += String(d);
  });
  proc.stderr.on('data', (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, exited, output: () => output };
}

let stub: Awaited<ReturnType<typeof startSmsGatewayStub>>;
let gateway: ReturnType<typeof startGatewayProcess>;
let url: string;
const phones: string[] = [];

beforeAll(async () => {
  stub = await startSmsGatewayStub();
  gateway = startGatewayProcess({
    NODE_ENV: 'test',
    LOG_LEVEL: 'trace',
    SMS_API_URL: stub.url,
    SMS_API_KEY: API_KEY,
    SMS_SENDER_NAME: SENDER,
    SMS_TIMEOUT_MS: '500',
    SMS_MAX_ATTEMPTS: '3',
    SMS_RETRY_DELAY_MS: '50',
    RATE_LIMIT_USER_PER_MINUTE: '0',
    RATE_LIMIT_PARTNER_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
  });
  // A readiness wait, not a timing: on a loaded machine compiling the sources at start takes a while.
  url = await waitFor('the ready line', async () => /gateway ready: (http:[^ ]+)\/graphql/.exec(gateway.output())?.[1], 90_000);
}, 120_000);

afterAll(async () => {
  gateway.proc.kill('SIGTERM');
  await gateway.exited;
  await stub.close();
});

function freshPhone(): string {
  const phone = `+7747${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  phones.push(phone);
  return phone;
}

const recipient = (phone: string) => phone.slice(1);
const codeIn = (text: string | null) => /\b(\d{6})\b/.exec(text ?? '')?.[1];
const requestCode = (phone: string) => gql(url, RequestLoginCodeDocument, { phone });

async function logIn(phone: string, code: string) {
  const { body } = await gql(url, VerifyLoginCodeDocument, { phone, code });
  return body.data!.verifyLoginCode.__typename;
}

describe('login codes by SMS through an HTTP gateway', () => {
  it('sends the code to the gateway as its API expects; the traveller logs in with the code from the recorded message', async () => {
    const phone = freshPhone();
    const { body } = await requestCode(phone);
    expect(body).toEqual({ data: { requestLoginCode: { expiresInSeconds: 300 } } });
    const [sent] = stub.to(recipient(phone));
    expect(sent.path).toBe('/service/message/sendsmsmessage');
    expect(Object.fromEntries(sent.query)).toEqual({ output: 'json', api: 'v1', apiKey: API_KEY });
    expect(sent.form.get('from')).toBe(SENDER);
    const code = codeIn(sent.form.get('text'))!;
    expect(code).toMatch(/^\d{6}$/);
    expect(await logIn(phone, code)).toBe('LoginSucceeded');
  });

  it('retries a gateway that fails twice with 500 and delivers on the third attempt', async () => {
    const phone = freshPhone();
    stub.answerNext(500, 500);
    const { body } = await requestCode(phone);
    expect(body.errors).toBeUndefined();
    const attempts = stub.to(recipient(phone));
    expect(attempts.map((a) => a.answer)).toEqual([500, 500, 'accept']);
    expect(new Set(attempts.map((a) => a.form.get('text'))).size).toBe(1);
    expect(await logIn(phone, codeIn(attempts[2].form.get('text'))!)).toBe('LoginSucceeded');
  });

  it('gives up on a gateway that never answers after each attempt timed out: a fixed error without personal data, and no lockout', async () => {
    const phone = freshPhone();
    stub.answerNext('hang', 'hang', 'hang');
    const { body } = await requestCode(phone);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The login code could not be sent; try again later',
        path: ['requestLoginCode'],
        locations: expect.any(Array),
        extensions: { code: 'SMS_NOT_DELIVERED', retryAfterSeconds: expect.any(Number) },
      },
    ]);
    const hung = stub.to(recipient(phone));
    expect(hung.map((a) => a.answer)).toEqual(['hang', 'hang', 'hang']);
    const lost = codeIn(hung[0].form.get('text'))!;
    expect(JSON.stringify(body)).not.toContain(lost);
    expect(JSON.stringify(body)).not.toContain(recipient(phone).slice(1));
    // The undelivered code is withdrawn: it does not work, and the phone still gets its three codes in the window.
    expect(await logIn(phone, lost)).toBe('LoginFailed');
    for (let i = 0; i < 3; i++) expect((await requestCode(phone)).body.errors).toBeUndefined();
    expect(await logIn(phone, codeIn(stub.to(recipient(phone)).at(-1)!.form.get('text'))!)).toBe('LoginSucceeded');
  });

  it('does not retry a refusal (4xx)', async () => {
    const phone = freshPhone();
    stub.answerNext(400);
    const { body } = await requestCode(phone);
    expect(body.errors![0].extensions!.code).toBe('SMS_NOT_DELIVERED');
    expect(stub.to(recipient(phone)).map((a) => a.answer)).toEqual([400]);
  });

  it('writes no code, phone number or API key into any log line', async () => {
    // Each failed attempt above is logged (2 + 3 + 1): wait for those lines rather than for a while.
    await waitFor('the attempt log lines', async () => (gateway.output().match(/SMS gateway attempt failed/g)?.length ?? 0) >= 6);
    const output = gateway.output();
    expect(output).toContain('"reason":"timeout"');
    expect(output).toContain('"reason":"http_500"');
    const codes = stub.requests.map((r) => codeIn(r.form.get('text'))!);
    expect(codes.length).toBeGreaterThan(8);
    // A code counts as written when it stands alone, not inside a longer number such as a timestamp.
    for (const code of codes) expect(output).not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
    for (const phone of phones) expect(output).not.toContain(phone.slice(2));
    expect(output).not.toContain(API_KEY);
  });
});

describe('production', () => {
  it('refuses to start without an SMS gateway, with a clear configuration error', async () => {
    const g = startGatewayProcess({ NODE_ENV: 'production', LOG_LEVEL: 'info', ...freshProductionKeys() });
    expect(await g.exited).toBe(1);
    expect(g.output()).toContain('SMS_API_URL and SMS_API_KEY are required in production');
    expect(g.output()).not.toContain('gateway listening');
  }, 90_000);
});
