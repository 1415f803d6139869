import type { Config } from '../config/config.js';
import { hashToken } from '../oauth/secret-hash.js';

// Domain-separated HMACs under one key: a value of one kind can never match a hash of another.
export function phoneHash(cfg: Config, phone: string): string {
  return hashToken(cfg.authHmacKey, `phone:${phone}`);
}

export function loginCodeHash(cfg: Config, codeId: string, code: string): string {
  return hashToken(cfg.authHmacKey, `code:${codeId}:${code}`);
}

export function refreshTokenHash(cfg: Config, token: string): string {
  return hashToken(cfg.authHmacKey, `refresh:${token}`);
}
