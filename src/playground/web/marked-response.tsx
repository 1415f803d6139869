import type { ReactNode } from 'react';
import type { Finding } from './gateway-api';
import { pathKey } from './pii-paths';
import { EXPOSURE_LABEL, exposureClass, REASONS } from './reasons';

type Path = (string | number)[];

interface Marks {
  /** Withheld or masked values, by their exact response path. */
  findings: ReadonlyMap<string, Finding>;
  /** Response paths (indices dropped) that carry personal data, and its kind. */
  pii: ReadonlyMap<string, string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || typeof v !== 'object';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Ids are shortened so the columns that matter fit; the cell's title keeps the whole id.
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v !== 'string' ? JSON.stringify(v) : UUID.test(v) ? `${v.slice(0, 8)}…` : v);

function Cell({ value, path, marks }: { value: unknown; path: Path; marks: Marks }) {
  const finding = marks.findings.get(JSON.stringify(path));
  if (finding) {
    const label = EXPOSURE_LABEL[finding.exposure] ?? finding.exposure;
    return (
      <td
        className={`cell ${exposureClass(finding.exposure)}`}
        data-kind={finding.kind}
        data-exposure={finding.exposure}
        data-reason={finding.reason}
        title={REASONS[finding.reason] ?? finding.reason}
      >
        <span className="value">{show(value)}</span>
        <span className="mark">
          {finding.kind} · {label}
        </span>
        <span className="reason">{finding.reason}</span>
      </td>
    );
  }
  const kind = marks.pii.get(pathKey(path));
  if (kind && value !== null && value !== undefined) {
    return (
      <td className="cell full" data-kind={kind} data-exposure="FULL" title="Shown in full: logged as a disclosure unless it is the caller's own data">
        <span className="value">{show(value)}</span>
        <span className="mark">{kind} · full</span>
      </td>
    );
  }
  return (
    <td className="cell" title={typeof value === 'string' && UUID.test(value) ? value : undefined}>
      <span className="value">{show(value)}</span>
    </td>
  );
}

/** An object's columns: its scalar leaves, nested objects flattened (traveller.iin), lists kept whole. */
function columnsOf(rows: readonly Record<string, unknown>[]): Path[] {
  const seen = new Map<string, Path>();
  const visit = (v: Record<string, unknown>, prefix: Path) => {
    for (const [k, x] of Object.entries(v)) {
      if (isObject(x)) visit(x, [...prefix, k]);
      else if (!seen.has([...prefix, k].join('.'))) seen.set([...prefix, k].join('.'), [...prefix, k]);
    }
  };
  for (const r of rows) visit(r, []);
  return [...seen.values()];
}

const at = (v: unknown, rel: Path): unknown => rel.reduce<unknown>((o, k) => (isObject(o) ? o[k as string] : undefined), v);

function Table({ rows, path, marks }: { rows: Record<string, unknown>[]; path: Path; marks: Marks }) {
  const cols = columnsOf(rows);
  return (
    <table className="rows">
      <thead>
        <tr>
          <th>#</th>
          {cols.map((c) => (
            <th key={c.join('.')}>{c.join('.')}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th>{i + 1}</th>
            {cols.map((c) => {
              const v = at(r, c);
              const p = [...path, i, ...c];
              return isScalar(v) || v === undefined ? (
                <Cell key={c.join('.')} value={v ?? null} path={p} marks={marks} />
              ) : (
                <td key={c.join('.')} className="nested">
                  <Node value={v} path={p} marks={marks} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Node({ value, path, marks }: { value: unknown; path: Path; marks: Marks }): ReactNode {
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="empty">(empty list)</span>;
    if (value.every(isObject)) return <Table rows={value} path={path} marks={marks} />;
    return (
      <table className="rows">
        <tbody>
          <tr>
            {value.map((v: unknown, i) => (
              <Cell key={i} value={v} path={[...path, i]} marks={marks} />
            ))}
          </tr>
        </tbody>
      </table>
    );
  }
  if (!isObject(value))
    return (
      <table className="rows">
        <tbody>
          <tr>
            <Cell value={value} path={path} marks={marks} />
          </tr>
        </tbody>
      </table>
    );
  const scalars = Object.entries(value).filter(([, v]) => isScalar(v));
  const nested = Object.entries(value).filter(([, v]) => !isScalar(v));
  return (
    <div className="object">
      {scalars.length > 0 && (
        <table className="fields">
          <tbody>
            {scalars.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <Cell value={v} path={[...path, k]} marks={marks} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nested.map(([k, v]) => (
        <div key={k} className="section">
          <h4>{[...path.filter((p) => typeof p === 'string'), k].join(' › ')}</h4>
          <Node value={v} path={[...path, k]} marks={marks} />
        </div>
      ))}
    </div>
  );
}

/** The response data as tables, each value the policy touched marked: in full, masked or withheld, with the reason. */
export function MarkedResponse({ data, findings, pii }: { data: unknown; findings: readonly Finding[]; pii: ReadonlyMap<string, string> }) {
  const marks: Marks = { findings: new Map(findings.map((f) => [JSON.stringify(f.path), f])), pii };
  return (
    <div className="marked">
      <Node value={data} path={[]} marks={marks} />
    </div>
  );
}
