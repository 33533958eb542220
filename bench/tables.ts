/** The printed (and docs/PERFORMANCE.md) tables of each bench section, with the targets. */
import { fmt, table } from './common/stats';
import type { HttpRun } from './http';
import type { IngestResult } from './ingest';
import type { SystemResult } from './peers';
import type { QueryResult } from './query';
import type { ScaleRow } from './scale';

const mb = (b: number) => `${(b / 1048576).toFixed(1)} MiB`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function ingestTable(runs: { label: string; r: IngestResult }[]): string {
  const stages = [...new Set(runs.flatMap(({ r }) => Object.keys(r.stages)))];
  const rows = stages.map((s) => [s, ...runs.map(({ r }) => (r.stages[s] === undefined ? '' : fmt(r.stages[s])))]);
  rows.push(['total (ms)', ...runs.map(({ r }) => fmt(r.totalMs))]);
  rows.push(['parse only, sum of parseDocument (ms)', ...runs.map(({ r }) => (Number.isFinite(r.parseOnlyMs) ? fmt(r.parseOnlyMs) : ''))]);
  rows.push(['peak RSS (MiB)', ...runs.map(({ r }) => fmt(r.peakRssMb))]);
  rows.push(['on disk', ...runs.map(({ r }) => mb(r.indexBytes))]);
  rows.push(['nodes / relationships', ...runs.map(({ r }) => `${r.nodes} / ${r.relationships}`)]);
  return table(['stage (ms)', ...runs.map((x) => x.label)], rows);
}

export function ingestTargets(noModel: IngestResult, e2e: IngestResult): string {
  return [
    `parse < 200 ms: ${fmt(noModel.parseOnlyMs)} ms parse only, ${fmt(noModel.stages['parse (read + parse)'])} ms with file reading → ${met(noModel.stages['parse (read + parse)'] < 200)}`,
    `full ingest into the embedded store < 5 s without a neural model: ${fmt(e2e.totalMs)} ms (bootstrap, rebuild) → ${met(e2e.totalMs < 5000)}`,
  ].join('\n');
}

export function queryTable(runs: { label: string; r: QueryResult }[]): string {
  return table(['in-process', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'queries/s', 'peak RSS MiB'],
    runs.map(({ label, r }) => [label, r.latency.n, r.latency.p50, r.latency.p95, r.latency.p99, r.latency.max, r.qps, r.peakRssMb]));
}

export function httpTable(label: string, runs: HttpRun[]): string {
  return table([`HTTP ${label}`, 'seconds', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx', '5xx'],
    runs.map((r) => [`concurrency ${r.connections}`, r.durationS, r.requests, r.rps, r.latency.p50, r.latency.p90, r.latency.p99, r.latency.max, r.errors, r.timeouts, r.non2xx, r.status5xx]));
}

export function httpTargets(runs: HttpRun[]): string {
  const c8 = runs.find((r) => r.connections === 8);
  if (!c8) return '';
  const bad = c8.errors + c8.timeouts + c8.non2xx;
  return `HTTP at concurrency 8: ${fmt(c8.rps)} req/s (target ≥ 500 → ${met(c8.rps >= 500)}), p99 ${c8.latency.p99} ms (< 100 → ${met(c8.latency.p99 < 100)}), ${bad} errors (0 → ${met(bad === 0)})`;
}

export function peersTable(rows: SystemResult[]): string {
  const ours = rows.find((r) => r.system.startsWith('ours: keyword'))!;
  return table(['system', 'nDCG@10', 'Recall@10', 'MRR', 'index ms', 'p50 ms', 'p95 ms', 'nDCG ours/peer', 'Recall ours/peer', 'p50 ours/peer'],
    rows.map((r) => [r.system, r.scores.ndcg10.toFixed(3), r.scores.recall10.toFixed(3), r.scores.mrr.toFixed(3), r.indexMs, r.latency.p50, r.latency.p95,
      `${(ours.scores.ndcg10 / r.scores.ndcg10).toFixed(2)}×`, `${(ours.scores.recall10 / r.scores.recall10).toFixed(2)}×`, `${(ours.latency.p50 / r.latency.p50).toFixed(1)}×`]));
}

export function scaleTable(rows: ScaleRow[]): string {
  return table(['corpus', 'documents', 'tasks', 'text', 'analysis', 'ingest s', 'of which analysis s', 'on disk', 'ingest peak RSS MiB', 'serving peak RSS MiB', 'query p50 ms', 'query p95 ms'],
    rows.map((r) => [`×${r.factor}`, r.documents, r.tasks, mb(r.corpusBytes), r.analysis ? 'yes' : 'skipped', r.ingest.totalMs / 1000, (r.ingest.stages.analysis ?? 0) / 1000,
      mb(r.ingest.indexBytes), r.ingest.peakRssMb, r.query.peakRssMb, r.query.latency.p50, r.query.latency.p95]));
}

export function scaleTargets(rows: ScaleRow[]): string {
  const big = rows.find((r) => r.factor === 100);
  if (!big) return '';
  const rss = Math.max(big.ingest.peakRssMb, big.query.peakRssMb);
  return `×100: query p95 ${big.query.latency.p95} ms (< 50 → ${met(big.query.latency.p95 < 50)}), peak RSS ${rss} MiB (< 1024 → ${met(rss < 1024)})${big.analysis ? '' : ' — without the cross-plan analysis'}`;
}
