/**
 * `npm run bench` (quick set, under 2 minutes) and `npm run bench:all` (everything): ingest
 * stages, in-process query latency, HTTP load, peers, scale. Each section runs its measured
 * work in child processes (peak memory per run), prints its table and writes
 * bench/results/<section>[-quick].json with the raw numbers and the machine.
 * `--only ingest,http,…` runs some sections; `--scale-neural` adds ×10 with the model (slow).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { resolveModelSource } from '../search/embedder-factory';
import { runChild } from './common/child';
import { devQueries } from './common/queries';
import { fmt, machine, writeResult } from './common/stats';
import { runHttp } from './http';
import type { IngestArgs, IngestResult } from './ingest';
import type { PeersArgs, SystemResult } from './peers';
import type { QueryArgs, QueryResult } from './query';
import { runScale } from './scale';
import { httpTable, httpTargets, ingestTable, ingestTargets, peersTable, queryTable, scaleTable, scaleTargets } from './tables';

const argv = process.argv.slice(2);
const all = argv.includes('--all');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : null;
const config = loadConfig();
const seeds = config.seedsDir;
const work = path.join(os.tmpdir(), 'kg-bench');
const dirs = { plain: path.join(work, 'data-none'), neural: path.join(work, 'data-neural'), stagedNeural: path.join(work, 'data-neural-staged') };
const hasModel = !('reason' in resolveModelSource(loadConfig({ ...process.env, KG_EMBEDDER: '' })));
const suffix = all ? '' : '-quick';

function out(name: string, data: object, text: string): void {
  console.log(`\n${text}`);
  console.log(`→ ${path.relative(config.root, writeResult(`${name}${suffix}`, { set: all ? 'all' : 'quick', ...data }))}`);
}

async function ingest(): Promise<void> {
  const run = (label: string, a: Omit<IngestArgs, 'dir'>) => runChild<IngestResult>('bench/ingest.ts', { dir: seeds, ...a }).then((r) => ({ label, r }));
  const runs = [
    await run('staged, no model', { dataDir: path.join(work, 'data-none-staged'), neural: false, mode: 'staged' }),
    await run('bootstrap, no model', { dataDir: dirs.plain, neural: false, mode: 'bootstrap' }),
  ];
  if (all && hasModel) {
    runs.push(await run('staged, model, cold cache', { dataDir: dirs.stagedNeural, neural: true, mode: 'staged' }));
    runs.push(await run('staged, model, warm cache', { dataDir: dirs.stagedNeural, neural: true, mode: 'staged', warmCache: true }));
    runs.push(await run('bootstrap, model, cold cache', { dataDir: dirs.neural, neural: true, mode: 'bootstrap' }));
  }
  out('ingest', { runs }, `## Ingest of the seeds\n${ingestTable(runs)}\n${ingestTargets(runs[0].r, runs[1].r)}`);
}

async function query(): Promise<void> {
  const run = (label: string, a: Omit<QueryArgs, 'dir'>) => runChild<QueryResult>('bench/query.ts', { dir: seeds, ...a }).then((r) => ({ label, r }));
  const runs = [await run('no model (keyword + graph)', { dataDir: dirs.plain, neural: false, rounds: all ? 10 : 3 })];
  if (all && hasModel) runs.push(await run('bge-small-zh query encoder', { dataDir: dirs.neural, neural: true, rounds: 5 }));
  const p95 = runs[0].r.latency.p95;
  out('query', { runs }, `## In-process query latency (${runs[0].r.queries} dev questions)\n${queryTable(runs)}\nin-process p95 < 20 ms without a neural encoder: ${p95} ms → ${p95 < 20 ? 'met' : 'MISSED'}`);
}

async function http(): Promise<void> {
  const queries = devQueries(config.root);
  const durationS = all ? 20 : 5;
  const plain = await runHttp({ dir: seeds, dataDir: dirs.plain, neural: false, connections: [1, 8, 32], durationS }, queries);
  // the same at concurrency 8 with no neighbourhood memo: the cost of tasks not asked for before
  const cold = await runHttp({ dir: seeds, dataDir: dirs.plain, neural: false, connections: [8], durationS, memo: false }, queries);
  let text = `## HTTP, GET /api/search over the dev questions (rate limit raised to 1e8/min for the bench)\n${httpTable('no model', plain.runs)}\n${httpTargets(plain.runs)}`;
  text += `\n\n${httpTable('no model, neighbourhood memo off', cold.runs)}`;
  let neural = null;
  if (all && hasModel) {
    neural = await runHttp({ dir: seeds, dataDir: dirs.neural, neural: true, connections: [1, 8], durationS: 10 }, queries);
    text += `\n\n${httpTable('bge-small-zh', neural.runs)}`;
  }
  out('http', { plain, cold, neural }, text);
}

async function peers(): Promise<void> {
  const neuralDataDir = all && hasModel ? dirs.neural : null;
  const rows = await runChild<SystemResult[]>('bench/peers.ts', { dir: seeds, neuralDataDir } satisfies PeersArgs);
  out('peers', { rows }, `## Peers on the same tasks and dev questions\n${peersTable(rows)}`);
}

async function scale(): Promise<void> {
  const rows = await runScale({ seedsDir: seeds, factors: all ? [1, 10, 100] : [1, 10], analysisUpTo: 100, neural: false, rounds: 3 });
  let text = `## Scale (no neural model)\n${scaleTable(rows)}\n${scaleTargets(rows)}`;
  let neural = null;
  if (argv.includes('--scale-neural') && hasModel) {
    neural = await runScale({ seedsDir: seeds, factors: [10], analysisUpTo: 10, neural: true, rounds: 2 });
    text += `\n\nwith bge-small-zh:\n${scaleTable(neural)}`;
  }
  out('scale', { rows, neural }, text);
}

const SECTIONS: Record<string, () => Promise<void>> = { ingest, query, http, peers, scale };
const QUICK = ['ingest', 'query', 'http', 'peers', 'scale'];

async function main(): Promise<void> {
  fs.mkdirSync(work, { recursive: true });
  const m = machine();
  console.log(`bench ${all ? 'all' : 'quick'}: ${m.cpus} × ${String(m.cpuModel)}, node ${String(m.node)}, load ${JSON.stringify(m.loadavg)}, model ${hasModel ? 'present' : 'absent'}`);
  const t0 = performance.now();
  for (const name of only ?? (all ? Object.keys(SECTIONS) : QUICK)) {
    const t = performance.now();
    await SECTIONS[name]();
    console.log(`(${name}: ${fmt((performance.now() - t) / 1000)} s)`);
  }
  console.log(`\nbench ${all ? 'all' : 'quick'} done in ${fmt((performance.now() - t0) / 1000)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
