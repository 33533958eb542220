/**
 * Shared by the benches: latency summaries, peak memory, machine info, result files and
 * plain-text tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayWidth, padTo } from '../../cli/text-width';

export interface Latency {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Each search's time in ms: every question `rounds` times over (top 10, as the product answers). */
export async function timeSearches(search: { search(q: string, o: { k: number }): Promise<unknown> }, questions: string[], rounds: number): Promise<number[]> {
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await search.search(q, { k: 10 });
      ms.push(performance.now() - t);
    }
  }
  return ms;
}

export function summarize(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)), p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1] ?? NaN) };
}

/** Peak resident set size of this process in MiB (VmHWM; the current RSS where /proc is absent). */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.memoryUsage().rss / 1048576);
}

export function machine(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemMb: Math.round(os.totalmem() / 1048576),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
}

/** Bytes of every file under `dir` (recursively). */
export function dirBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}

export const RESULTS_DIR = path.join(__dirname, '..', 'results');

export function writeResult(name: string, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ machine: machine(), ...(data as object) }, null, 1)}\n`);
  return file;
}

/** A markdown table (also readable in a terminal); numeric cells right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const w = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(String(r[i] ?? '')))));
  const num = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || /^[\d.,×x%<>=~ -]+$/.test(String(r[i]))));
  const line = (r: (string | number)[]) => `| ${r.map((c, i) => padTo(String(c ?? ''), w[i], num[i])).join(' | ')} |`;
  return [line(cells[0]), `|${w.map((x, i) => (num[i] ? `${'-'.repeat(x + 1)}:` : '-'.repeat(x + 2))).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 100) return String(Math.round(x));
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}
