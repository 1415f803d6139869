import type { SmsGatewayConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { SmsSender } from './sms-sender.js';

/** Why an attempt failed, in words that name neither the phone, the code nor the API key; the last one is what the sender throws. */
class SmsNotSent extends Error {
  constructor(
    readonly reason: string,
    readonly retriable: boolean,
  ) {
    super(`SMS not sent: ${reason}`);
  }
}

// Mobizon answers 0 for a message taken and 100 for one queued in the background; any other code is a refusal.
const ACCEPTED_CODES = new Set([0, 100]);

function failureOf(e: unknown): SmsNotSent {
  if (e instanceof SmsNotSent) return e;
  const name = (e as Error).name;
  // AbortSignal.timeout aborts with TimeoutError; fetch reports refused and dropped connections as TypeError.
  if (name === 'TimeoutError') return new SmsNotSent('timeout', true);
  return new SmsNotSent(name === 'TypeError' ? 'network' : 'unexpected', name === 'TypeError');
}

function loginCodeText(code: string): string {
  return `QAZTRACKER: код для входа ${code}. Никому его не сообщайте.`;
}

/**
 * Sends login codes through a Mobizon-style API (POST {url}/service/message/sendsmsmessage with the key in the query, the
 * recipient, text and sender name in the form body). Each attempt has its own timeout; network errors, timeouts and 5xx are
 * retried after the configured waits, 4xx and refusals by the API are not.
 */
export function httpSmsSender(s: SmsGatewayConfig, logger: Logger): SmsSender {
  const endpoint = new URL(`${s.url}/service/message/sendsmsmessage`);
  endpoint.search = new URLSearchParams({ output: 'json', api: 'v1', apiKey: s.apiKey }).toString();

  async function attempt(body: URLSearchParams): Promise<void> {
    const res = await fetch(endpoint, {
      method: 'POST',
      body,
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(s.timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new SmsNotSent(`http_${res.status}`, res.status >= 500);
    }
    // Reading the body counts against the attempt's timeout too; what is not JSON is a refusal.
    const text = await res.text();
    let answer: { code?: unknown } | null = null;
    try {
      answer = JSON.parse(text) as { code?: unknown };
    } catch {
      /* not JSON */
    }
    if (!ACCEPTED_CODES.has(answer?.code as number)) throw new SmsNotSent(`api_code_${Number(answer?.code ?? -1)}`, false);
  }

  return {
    async sendLoginCode(phone, code) {
      // Mobizon takes the international number without the plus.
      const body = new URLSearchParams({ recipient: phone.replace(/^\+/, ''), text: loginCodeText(code), ...(s.senderName ? { from: s.senderName } : {}) });
      for (let n = 1; ; n++) {
        try {
          await attempt(body);
          logger.info({ attempt: n }, 'login code sent');
          return;
        } catch (e) {
          const failure = failureOf(e);
          const retry = failure.retriable && n <= s.retryDelaysMs.length;
          logger.warn({ attempt: n, reason: failure.reason, retry }, 'SMS gateway attempt failed');
          if (!retry) throw failure;
          await new Promise((r) => setTimeout(r, s.retryDelaysMs[n - 1]));
        }
      }
    },
  };
}
