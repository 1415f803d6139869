import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface SelfTime { fn: string; ms: number; share: number }

const ROOT = new URL('..', import.meta.url).pathname;

function where(url: string, line: number): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url;
  return ` ${path.replace(/^node_modules\//, '')}:${line + 1}`;
}

/** Self time per function from the newest .cpuprofile in `dir`, idle excluded, largest first. */
export function topSelfTime(dir: string, top = 10): SelfTime[] {
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const name = new Map(p.nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'}${where(n.callFrame.url, n.callFrame.lineNumber)}`]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const fn = name.get(id)!;
    self.set(fn, (self.get(fn) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  self.delete('(idle)');
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, us]) => ({ fn, ms: us / 1000, share: us / busy }));
}
