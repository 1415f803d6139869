import { randomUUID, timingSafeEqual } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { Config } from '../config/config.js';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError, SmsNotDeliveredError, TooManyRequestsError } from '../graphql/errors.js';
import { createUserWithPhone, findUserByPhone } from '../users/user-account.service.js';
import { normalizeKzPhone } from '../privacy/phone.js';
import { isAppClient } from '../oauth/app-client.service.js';
import { loginCodeHash, phoneHash } from './auth-hmac.js';
import { LoginCode } from './login-code.entity.js';
import { LoginFailureReason, type LoginCodeSent, type LoginFailed, type LoginSucceeded } from './login.type.js';
import { newLoginCode } from '../oauth/secret-hash.js';
import { mayUseSmsSession, openSession, sessionTokens } from './session.service.js';
import { phoneRetryAfter } from './phone-throttle.service.js';
import type { Limiter } from '../shared-state/limiter.js';

export const LOGIN_CODE_TTL_SECONDS = 5 * 60;
export const MAX_CODE_ATTEMPTS = 5;
const CODE = /^\d{6}$/;

function normalizedPhone(input: string): string {
  const phone = normalizeKzPhone(input);
  if (!phone) throw new BadInputError('Not a Kazakh mobile number (+7 7xx xxx xx xx)', 'phone');
  return phone;
}

async function countAddress(limiter: Limiter, ctx: GatewayContext): Promise<void> {
  const decision = await limiter.consume(ctx.facts.clientAddress);
  if (!decision.allowed) throw new TooManyRequestsError(decision.resetSeconds);
}

function codeMatches(cfg: Config, row: LoginCode, code: string): boolean {
  // The development code stands in for any phone's code; config refuses it in production, and so does this.
  if (cfg.env !== 'production' && cfg.authDevLoginCode !== undefined && code === cfg.authDevLoginCode) return true;
  return timingSafeEqual(Buffer.from(loginCodeHash(cfg, row.id, code)), Buffer.from(row.codeHash));
}

const failed = (reason: LoginFailureReason, attemptsLeft: number): LoginFailed => ({ reason, attemptsLeft });

export async function requestLoginCode(ctx: GatewayContext, phoneInput: string): Promise<LoginCodeSent> {
  const phone = normalizedPhone(phoneInput);
  const { cfg } = ctx.services;
  const { auth } = ctx.services;
  await countAddress(auth.throttles.codeRequestsByAddress, ctx);
  const hash = phoneHash(cfg, phone);
  const code = newLoginCode();
  const id = randomUUID();
  await ctx.em().transactional(async (tem) => {
    const retry = await phoneRetryAfter(tem, hash);
    if (retry) throw new TooManyRequestsError(retry);
    tem.persist(
      tem.create(LoginCode, {
        id,
        phoneHash: hash,
        codeHash: loginCodeHash(cfg, id, code),
        expiresAt: new Date(Date.now() + LOGIN_CODE_TTL_SECONDS * 1000),
      }),
    );
  });
  try {
    await ctx.services.sms.sendLoginCode(phone, code);
  } catch {
    // A code that never left neither counts against the phone's limit nor hides the phone's previous code.
    await ctx.em().nativeDelete(LoginCode, { id });
    throw new SmsNotDeliveredError();
  }
  return { expiresInSeconds: LOGIN_CODE_TTL_SECONDS };
}

/**
 * Only the phone's newest code counts; each check uses up an attempt, and a code with none left refuses even the right code.
 * The session is opened for the app client named (a registered one), which every token of the session then names.
 */
export async function verifyLoginCode(ctx: GatewayContext, phoneInput: string, code: string, clientId: string): Promise<LoginSucceeded | LoginFailed> {
  const phone = normalizedPhone(phoneInput);
  if (!CODE.test(code)) throw new BadInputError('The login code is 6 digits', 'code');
  const { cfg } = ctx.services;
  const { auth } = ctx.services;
  await countAddress(auth.throttles.codeChecksByAddress, ctx);
  if (!(await isAppClient(ctx.services.sql, clientId))) throw new BadInputError('Not a registered app client', 'clientId');
  const outcome = await ctx.em().transactional(async (tem) => {
    const row = await tem.findOne(
      LoginCode,
      { phoneHash: phoneHash(cfg, phone) },
      {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        lockMode: LockMode.PESSIMISTIC_WRITE,
      },
    );
    const now = new Date();
    if (!row || row.usedAt || row.expiresAt <= now) return failed(LoginFailureReason.CODE_EXPIRED, 0);
    if (row.attempts >= MAX_CODE_ATTEMPTS) throw new TooManyRequestsError(Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000));
    row.attempts += 1;
    if (!codeMatches(cfg, row, code)) return failed(LoginFailureReason.WRONG_CODE, MAX_CODE_ATTEMPTS - row.attempts);
    row.usedAt = now;
    const existing = await findUserByPhone(tem, ctx.services.vault, phone);
    const user = existing ?? createUserWithPhone(tem, ctx.services.vault, phone);
    if (user.status !== 'ACTIVE') return failed(LoginFailureReason.ACCOUNT_BLOCKED, 0);
    if (!mayUseSmsSession(cfg, user)) return failed(LoginFailureReason.STAFF_SIGN_IN_BY_OPENID, 0);
    const { session, refreshToken } = openSession(tem, cfg, user, clientId);
    return { user, session: { id: session.id, clientId }, refreshToken, newAccount: !existing };
  });
  if ('reason' in outcome) return outcome;
  const tokens = await sessionTokens(auth.ring, cfg, outcome.user, outcome.session, outcome.refreshToken);
  return { tokens, newAccount: outcome.newAccount };
}
