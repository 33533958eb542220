/**
 * Parse time of the seed documents (decode → normalise → outline → tasks → units → apps →
 * graph), excluding file reading. Usage: npx tsx bench/ingest-parse.ts [dir] [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../ingest';

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '../seeds'));
const runs = Number(process.argv[3] ?? 20);
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const contents = files.map((f) => [f, fs.readFileSync(path.join(dir, f))] as const);

function once(): { total: number; per: Record<string, number> } {
  const per: Record<string, number> = {};
  const t0 = performance.now();
  for (const [f, c] of contents) {
    const t = performance.now();
    parseDocument(f, c);
    per[f] = performance.now() - t;
  }
  return { total: performance.now() - t0, per };
}

const cold = once();
const warm = Array.from({ length: runs }, once).map((r) => r.total).sort((a, b) => a - b);
const bytes = contents.reduce((s, [, c]) => s + c.length, 0);
console.log(`ingest parse: ${files.length} documents, ${(bytes / 1024).toFixed(1)} KiB`);
console.log(`  cold (first run, includes JIT warm-up): ${cold.total.toFixed(1)} ms`);
for (const [f, ms] of Object.entries(cold.per)) console.log(`    ${f}: ${ms.toFixed(1)} ms`);
console.log(`  warm median of ${runs}: ${warm[Math.floor(warm.length / 2)].toFixed(1)} ms (min ${warm[0].toFixed(1)}, max ${warm[warm.length - 1].toFixed(1)})`);
