import { useMemo } from 'react';
import type { GraphQLSchema } from 'graphql';
import type { DisclosureRow, GraphqlReply } from './gateway-api';
import { MarkedResponse } from './marked-response';
import { piiPaths } from './pii-paths';
import { ExplainedDecisions } from './explain-view';
import { Summary } from './summary';

export interface Run {
  reply: GraphqlReply;
  query: string;
  operationName: string | null;
  /** Who asked, in words. */
  asked: string;
  /** Sent in explain mode: the reply holds decisions, no data. */
  explained: boolean;
}

export type Disclosures = { state: 'loading' } | { state: 'done'; rows: DisclosureRow[] } | { state: 'failed'; error: string } | { state: 'unavailable' };

const short = (s: string | null, n = 8) => (s && s.length > n + 1 ? `${s.slice(0, n)}…` : (s ?? '—'));

function DisclosureTable({ disclosures, requestId }: { disclosures: Disclosures; requestId: string | null }) {
  if (disclosures.state === 'unavailable') {
    return (
      <p className="hint">
        Auditors read these rows with{' '}
        <code>
          disclosureLog(filter: {'{'} requestId: "{requestId ?? '…'}" {'}'})
        </code>
        .
      </p>
    );
  }
  if (disclosures.state === 'loading') return <p className="hint">Reading the disclosure log…</p>;
  if (disclosures.state === 'failed') return <p className="error">{disclosures.error}</p>;
  const { rows } = disclosures;
  if (!rows.length) return <p className="hint">No rows: nothing of anyone else was released in full.</p>;
  const recipients = [
    ...new Set(rows.map((d) => `${d.recipientId ?? '—'}${d.recipientCountry ? ` (${d.recipientCountry})` : ''} · ${d.purpose}${d.reference ? ` ${d.reference}` : ''}`)),
  ];
  const edges = [...new Set(rows.map((d) => d.edge ?? '—'))];
  return (
    <>
      <p className="recipient">
        To {recipients.join('; ')}
        {edges.length === 1 ? ` · through ${edges[0]}` : ''}
      </p>
      <table className="rows disclosures">
        <thead>
          <tr>
            <th>subject (pseudonym)</th>
            <th>kinds released in full</th>
            <th>record</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d, i) => (
            <tr key={i}>
              <td title={d.subject}>
                <code>{short(d.subject, 10)}</code>
              </td>
              <td className="kinds">{d.kinds.join(', ')}</td>
              <td title={d.referenceId ?? ''}>
                {edges.length > 1 && <span className="record">{d.edge}</span>}
                {d.referenceKind ?? '—'} <code>{short(d.referenceId)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What the policy did to the last response, and what the gateway logged for it. */
interface Props {
  run: Run | null;
  disclosures: Disclosures;
  schema: GraphQLSchema | null;
  piiFields: Record<string, string>;
}

export function ResultsPanel({ run, disclosures, schema, piiFields }: Props) {
  const pii = useMemo(() => (run ? piiPaths(schema, piiFields, run.query, run.operationName) : new Map<string, string>()), [schema, piiFields, run]);
  if (!run) {
    return (
      <section className="results empty-results">
        <p>
          Choose who asks, pick an example (or write a query) and run it: every value the policy touched is marked here with its reason, and the disclosure rows the request wrote
          are listed beside it.
        </p>
      </section>
    );
  }
  const { body, requestId, status } = run.reply;
  const count = disclosures.state === 'done' ? ` (${disclosures.rows.length})` : '';
  return (
    <section className="results">
      <div className="response-view" aria-label="Marked response">
        <h2>
          Response <span className="tag">HTTP {status}</span> <span className="request-id">request {requestId ?? '—'}</span>
        </h2>
        {!run.explained && <Summary asked={run.asked} findings={body.extensions?.privacy?.withheld ?? []} />}
        {body.errors?.map((e, i) => (
          <p key={i} className="error">
            {typeof e.extensions?.code === 'string' ? e.extensions.code : 'ERROR'}: {e.message}
            {e.path ? ` (at ${e.path.join('.')})` : ''}
          </p>
        ))}
        {run.explained ? (
          <ExplainedDecisions body={body} />
        ) : (
          body.data != null && <MarkedResponse data={body.data} findings={body.extensions?.privacy?.withheld ?? []} pii={pii} />
        )}
      </div>
      <div className="disclosure-view" aria-label="Disclosure rows" data-state={disclosures.state}>
        <h2>Disclosure log{count}</h2>
        <p className="hint">The rows this request wrote before its response was sent.</p>
        <DisclosureTable disclosures={disclosures} requestId={requestId} />
      </div>
    </section>
  );
}
