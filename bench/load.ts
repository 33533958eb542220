/**
 * `npm run bench:load`: HTTP load on questions no cache has seen. Every request is a new text
 * (bench/common/unique-questions.ts: the dev questions × varied tails), so neither the query LRU
 * nor any neighbourhood of a repeated question helps. In one run, each as its own process on
 * 127.0.0.1, at the same concurrency and duration:
 *   - ours with the model (bge-small-zh; the query batch and thread settings as configured),
 *   - ours without the model (keyword + graph),
 *   - Orama and MiniSearch behind a bare node:http endpoint (bench/peer-server.ts).
 * Then, in process, one query embedding alone vs a whole search with the model (p95 of each).
 * Beside req/s and latency, CPU milliseconds per request of the server, its model process and
 * autocannon (bench/common/proc-cpu.ts): on a shared machine the one figure that does not depend
 * on what else runs.
 * Writes bench/results/load.json. Options: --connections 8 --duration 10 --variants batch,nobatch
 */
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../core/config';
import { resolveModelSource } from '../search/embedder-factory';
import { runChild } from './common/child';
import { devQueries } from './common/queries';
import { machine, writeResult } from './common/stats';
import { serverCpu } from './common/proc-cpu';
import { uniqueQuestions } from './common/unique-questions';
import { startServer, stopServer, type HttpRun } from './http';
import type { InprocResult } from './load-inproc';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const connections = Number(opt('connections', '8'));
const durationS = Number(opt('duration', '10'));
const config = loadConfig();
const work = path.join(os.tmpdir(), 'kg-bench');
const hasModel = !('reason' in resolveModelSource(loadConfig({ ...process.env, KG_EMBEDDER: '' })));

/** Server settings per variant of ours with the model (the environment the server child gets). */
const VARIANTS: Record<string, Record<string, string>> = {
  default: {}, // config defaults: KG_EMBED_BATCH=4, KG_EMBED_THREADS=1
  nobatch: { KG_EMBED_BATCH: '1' },
  batch2: { KG_EMBED_BATCH: '2' },
  batch8: { KG_EMBED_BATCH: '8' },
  batch16: { KG_EMBED_BATCH: '16' },
  threads2: { KG_EMBED_THREADS: '2' },
  ortdefault: { KG_EMBED_THREADS: '0' },
};

/** autocannon at `connections`, every request a new question from `next`. */
async function loadUnique(port: number, pathOf: (q: string) => string, next: () => string, seconds: number): Promise<HttpRun> {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf(next()) }) }],
  });
  return {
    connections, durationS: seconds, requests: r.requests.total, rps: Math.round(r.requests.average * 10) / 10,
    latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: Math.round(r.latency.average * 100) / 100 },
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, status5xx: r['5xx'],
  };
}

const ours = (q: string) => `/api/search?q=${encodeURIComponent(q)}&k=10`;

async function main(): Promise<void> {
  const m = machine();
  const questions = devQueries(config.root).map((q) => q.q);
  console.log(`bench load: c=${connections}, ${durationS} s each, ${m.cpus} × ${String(m.cpuModel)}, load ${JSON.stringify(m.loadavg)}, model ${hasModel ? 'present' : 'absent'}`);
  const rows: { system: string; settings: Record<string, string>; run: HttpRun; cpuMsPerRequest: { server: number; worker: number; loadgen: number }; loadavg: number[] }[] = [];
  const measure = async (system: string, settings: Record<string, string>, port: number, pid: number, pathOf: (q: string) => string) => {
    await loadUnique(port, pathOf, uniqueQuestions(questions, '预热'), 2); // warm-up on other texts
    const before = serverCpu(pid);
    const own = process.cpuUsage();
    const run = await loadUnique(port, pathOf, uniqueQuestions(questions), durationS);
    const after = serverCpu(pid);
    const mine = process.cpuUsage(own);
    const per = (ms: number) => Math.round((ms / Math.max(1, run.requests)) * 1000) / 1000;
    const cpuMsPerRequest = { server: per(after.server - before.server), worker: per(after.children - before.children), loadgen: per((mine.user + mine.system) / 1000) };
    rows.push({ system, settings, run, cpuMsPerRequest, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) });
    console.log(`${system.padEnd(44)} ${String(run.rps).padStart(7)} req/s  p50 ${run.latency.p50} ms  p99 ${run.latency.p99} ms  errors ${run.errors + run.timeouts + run.non2xx}  CPU ms/request: server ${cpuMsPerRequest.server}, model ${cpuMsPerRequest.worker}, autocannon ${cpuMsPerRequest.loadgen}  (load ${os.loadavg()[0].toFixed(1)})`);
  };
  if (hasModel) {
    for (const v of opt('variants', 'default').split(',')) {
      const env = VARIANTS[v] ?? {};
      const s = await startServer({ dir: config.seedsDir, dataDir: path.join(work, 'data-neural'), neural: true }, env);
      try {
        await measure(`ours, bge-small-zh (${v})`, env, s.port, s.child.pid!, ours);
      } finally {
        await stopServer(s.child);
      }
    }
  }
  const plain = await startServer({ dir: config.seedsDir, dataDir: path.join(work, 'data-none'), neural: false });
  try {
    await measure('ours, no model (keyword + graph)', {}, plain.port, plain.child.pid!, ours);
  } finally {
    await stopServer(plain.child);
  }
  const peers = await startServer({ dir: config.seedsDir, dataDir: '', neural: false }, {}, 'peer-server.ts');
  try {
    await measure('Orama 3 (node:http, top 10)', {}, peers.port, peers.child.pid!, (q) => `/orama?q=${encodeURIComponent(q)}`);
    await measure('MiniSearch 7 (node:http, top 10)', {}, peers.port, peers.child.pid!, (q) => `/minisearch?q=${encodeURIComponent(q)}`);
  } finally {
    await stopServer(peers.child);
  }
  let inproc: InprocResult | null = null;
  if (hasModel) {
    inproc = await runChild<InprocResult>('bench/load-inproc.ts', { dir: config.seedsDir, dataDir: path.join(work, 'data-neural') });
    console.log(`in process, bge-small-zh: one query embedding p95 ${inproc.embed.p95} ms; whole search p95 ${inproc.search.p95} ms (${Math.round((inproc.search.p95 / inproc.embed.p95) * 100) / 100}×)`);
  }
  const file = writeResult('load', { connections, durationS, machine: m, rows, inproc });
  console.log(`→ ${path.relative(config.root, file)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
