import { REASONS } from './reasons';

/** Counts of what the policy did (full, masked, withheld) and what each reason given means. */
export function Summary({ asked, findings }: { asked: string; findings: readonly { exposure: string; reason: string | null }[] }) {
  const full = findings.filter((f) => f.exposure === 'FULL').length;
  const withheld = findings.filter((f) => f.exposure === 'NONE').length;
  const reasons = [...new Set(findings.flatMap((f) => (f.reason ? [f.reason] : [])))];
  return (
    <div className="summary">
      <span className="asked">{asked}</span>
      {full > 0 && <span className="count full-count">{full} full</span>}
      <span className="count masked-count">{findings.length - full - withheld} masked</span>
      <span className="count withheld-count">{withheld} withheld</span>
      {reasons.map((r) => (
        <span key={r} className="reason-chip" title={REASONS[r]}>
          {r}: {REASONS[r] ?? 'see the policy'}
        </span>
      ))}
    </div>
  );
}
