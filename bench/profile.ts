import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
}

export interface SelfTime {
  fn: string;
  ms: number;
  share: number;
}

const ROOT = new URL('..', import.meta.url).pathname;
const SAMPLING_US = 500;

/** The V8 CPU profile of the child's main thread (the same profiler as --cpu-prof) over `work` only, through its inspector on 127.0.0.1. */
export async function profileWhile(inspectorUrl: string, work: () => Promise<unknown>): Promise<CpuProfile> {
  const ws = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('inspector connection failed'));
  });
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  };
  let id = 0;
  const call = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      pending.set(++id, resolve as (r: unknown) => void);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('Profiler.enable');
    await call('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await call('Profiler.start');
    await work();
    return (await call<{ profile: CpuProfile }>('Profiler.stop')).profile;
  } finally {
    ws.close();
  }
}

function where(url: string, line: number): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url;
  return ` ${path.replace(/^node_modules\//, '')}:${line + 1}`;
}

/** Self time per function (samples times the sampling interval), idle excluded, largest first. */
export function topSelfTime(p: CpuProfile, top = 10): SelfTime[] {
  const name = new Map(p.nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'}${where(n.callFrame.url, n.callFrame.lineNumber)}`]));
  const self = new Map<string, number>();
  p.samples.forEach((id) => {
    const fn = name.get(id)!;
    // One sampling interval per sample: the time since the previous sample also holds time the process was not running
    // (on a loaded machine a single sample can carry seconds), which would crown whatever function it happened to land in.
    self.set(fn, (self.get(fn) ?? 0) + SAMPLING_US);
  });
  self.delete('(idle)');
  const busy = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, us]) => ({ fn, ms: us / 1000, share: us / busy }));
}
