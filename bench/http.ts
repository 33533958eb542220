/**
 * HTTP load: the real server (bench/server-child.ts, its own process) on 127.0.0.1, driven by
 * autocannon's programmatic API from this process at each concurrency, every connection
 * cycling through the dev questions as `GET /api/search?q=…` (URL-encoded).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Query } from './lib/harness';
import { PORT_MARK } from './server-child';

export interface HttpArgs {
  dir: string;
  dataDir: string;
  neural: boolean;
  connections: number[];
  durationS: number;
  /** false: the server memoises no neighbourhoods (every answer builds its own). */
  memo?: boolean;
}

export interface HttpRun {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
}

const ROOT = path.join(__dirname, '..');

/** Starts the server child (or another script printing PORT_MARK); resolves with its port once it listens. */
export function startServer(
  a: Pick<HttpArgs, 'dir' | 'dataDir' | 'neural' | 'memo'>,
  env: Record<string, string> = {},
  script = 'server-child.ts',
): Promise<{ port: number; embedder: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), JSON.stringify(a)], {
    cwd: ROOT, env: { ...process.env, KG_LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith(PORT_MARK));
      if (line) {
        const [port, embedder] = line.slice(PORT_MARK.length).trim().split(' ');
        resolve({ port: Number(port), embedder, child });
      }
    });
    child.on('exit', (code) => reject(new Error(`server child exited (${code}) before listening`)));
  });
}

export function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One autocannon run; every connection cycles through `paths`. */
export async function load(port: number, paths: string[], connections: number, durationS: number): Promise<HttpRun> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: durationS,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  return {
    connections, durationS, requests: r.requests.total, rps: Math.round(r.requests.average * 10) / 10,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: Math.round(r.latency.average * 100) / 100 },
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, status5xx: r['5xx'],
  };
}

export function searchPaths(queries: Query[]): string[] {
  return queries.map((q) => `/api/search?q=${encodeURIComponent(q.q)}&k=10`);
}

/** All concurrencies against one server (a 2 s warm-up first). */
export async function runHttp(a: HttpArgs, queries: Query[]): Promise<{ embedder: string; runs: HttpRun[] }> {
  const { port, embedder, child } = await startServer(a);
  try {
    const paths = searchPaths(queries);
    await load(port, paths, 4, 2);
    const runs: HttpRun[] = [];
    for (const c of a.connections) runs.push(await load(port, paths, c, a.durationS));
    return { embedder, runs };
  } finally {
    await stopServer(child);
  }
}
