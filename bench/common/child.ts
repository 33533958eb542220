/**
 * Runs one bench section in a fresh Node process (so its peak memory is its own) and returns
 * the JSON it reports on a line starting with RESULT_MARK.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const RESULT_MARK = '@@bench-result ';
const ROOT = path.join(__dirname, '..', '..');

/** Prints a section's result for the parent (call once, at the end of the child). */
export function report(result: unknown): void {
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(result)}\n`);
}

/** `node --import tsx SCRIPT JSON_ARGS` with `env` added; stderr passes through (progress). */
export function runChild<T>(script: string, args: unknown, env: Record<string, string> = {}, timeoutMs = 30 * 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), JSON.stringify(args)], {
      cwd: ROOT,
      env: { ...process.env, ...env, KG_LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (line) return resolve(JSON.parse(line.slice(RESULT_MARK.length)) as T);
      reject(new Error(`${script} ended (${signal ?? `exit ${code}`}) without a result${signal === 'SIGKILL' ? ` (killed: over ${timeoutMs / 1000} s or out of memory)` : ''}\n${out.slice(-2000)}`));
    });
  });
}

/** The JSON argument a section child was started with. */
export function childArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}
