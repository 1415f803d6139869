import pino, { type Logger } from 'pino';

// Personal fields are censored wherever they appear in a logged object, at any depth we log.
const PII_KEYS = [
  'phone',
  'iin',
  'passport',
  'passportNumber',
  'email',
  'surname',
  'firstName',
  'patronymic',
  'fullName',
  'messengers',
  'code',
  'password',
  'clientSecret',
  'client_secret',
  'refreshToken',
  'token',
  'authorization',
  'variables',
];
const REDACT = PII_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers.${k}`]);

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: undefined });
}

export type { Logger };
