import type { GraphqlBody } from './gateway-api';
import { explanationOf, type ExplainedAs } from './explain-request';
import { EXPOSURE_LABEL, exposureClass, REASONS } from './reasons';
import { Summary } from './summary';

const asWords = (as: ExplainedAs) => ['Explained as', as.kind, as.id, as.scopes.join(' ') || undefined, as.purpose, as.reference].filter(Boolean).join(' · ');

/** The decisions explain mode returns, marked as a response's values are, with no value to show. */
export function ExplainedDecisions({ body }: { body: GraphqlBody }) {
  const explanation = explanationOf(body);
  if (!explanation) return null;
  const { as, decisions, errors } = explanation;
  return (
    <div className="explained">
      <p className="note explain-note">Explain mode: only the policy's decisions. No value was read and no disclosure was written; the explain request itself is logged.</p>
      <Summary asked={asWords(as)} findings={decisions} />
      {errors.map((e, i) => (
        <p key={i} className="error">
          This principal would get {e.code ?? 'ERROR'}
          {e.reason ? ` ${e.reason}` : ''}: {e.message}
          {e.path ? ` (at ${e.path.join('.')})` : ''}
        </p>
      ))}
      {decisions.length === 0 ? (
        <p className="hint">The query reaches no personal field.</p>
      ) : (
        <table className="rows decisions">
          <thead>
            <tr>
              <th>#</th>
              <th>path</th>
              <th>decision</th>
              <th>why</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d, i) => (
              <tr key={i}>
                <th>{i + 1}</th>
                <td className="path">
                  <code>{d.path.join('.')}</code>
                </td>
                <td className={`cell ${exposureClass(d.exposure)}`} data-kind={d.kind} data-exposure={d.exposure} data-reason={d.reason ?? undefined}>
                  <span className="mark">
                    {d.kind} · {EXPOSURE_LABEL[d.exposure] ?? 'full'}
                  </span>
                  {d.reason && <span className="reason">{d.reason}</span>}
                </td>
                <td className="why">{d.reason ? (REASONS[d.reason] ?? 'see the policy') : 'in full: a real request logs it as a disclosure unless it is the caller’s own data'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
