import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** 'accept', 'hang' (never answers), or an HTTP status to fail with. */
export type StubAnswer = 'accept' | 'hang' | number;

/** One request as the stub received it: path, query (the API key), form (recipient, text, sender name) and how it was answered. */
export interface SmsRequest {
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  answer: StubAnswer;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

/** A local SMS gateway answering like Mobizon's message/sendSmsMessage; records every request and answers from a queue, then accepts. */
export async function startSmsGatewayStub() {
  const requests: SmsRequest[] = [];
  const queue: StubAnswer[] = [];
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const answer = queue.shift() ?? 'accept';
    requests.push({ path: url.pathname, query: url.searchParams, form: new URLSearchParams(await bodyOf(req)), answer });
    if (answer === 'hang') return;
    res.writeHead(answer === 'accept' ? 200 : answer, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        answer === 'accept'
          ? { code: 0, data: { campaignId: String(requests.length), messageId: String(requests.length), status: 1 }, message: '' }
          : { code: 999, data: [], message: 'stub failure' },
      ),
    );
  }
  // A request cut off mid-body is dropped, not left as an unhandled rejection in the test process.
  const server = createServer((req, res) => {
    respond(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    /** Answers for the next requests, in order. */
    answerNext(...answers: StubAnswer[]) {
      queue.push(...answers);
    },
    /** The requests for one recipient (international digits, no plus). */
    to(recipient: string) {
      return requests.filter((r) => r.form.get('recipient') === recipient);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
