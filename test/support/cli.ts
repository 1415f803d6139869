import { execFile } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command of src/cli as an operator runs it (npm run <script>), against the run's test database. */
export function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      `${ROOT}node_modules/.bin/node`,
      ['--import', '@swc-node/register/esm-register', `src/cli/${script}.ts`, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
        timeout: 60_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}
