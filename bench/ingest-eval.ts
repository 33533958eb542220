/**
 * `npm run eval:ingest [-- --dir eval/other-plans] [--verbose]`: parses every document of an
 * annotated set (docs/ + gold/) and prints per-document and per-field precision, recall and F1
 * for tasks, unit edges and roles, title accuracy, and plan-field accuracy.
 * Writes bench/results/ingest-eval.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFile } from '../ingest';
import { prf, scoreDocument, summarize, type DocScore, type GoldDoc } from './lib/ingest-score';

const args = process.argv.slice(2);
const dirArg = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : 'eval/other-plans';
const verbose = args.includes('--verbose');
const root = path.resolve(__dirname, '..');
const dir = path.resolve(root, dirArg);

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const line = (name: string, c: { tp: number; fp: number; fn: number }) => {
  const s = prf(c);
  return `${name} P ${pct(s.p)} R ${pct(s.r)} F1 ${pct(s.f1)}`;
};

async function main(): Promise<void> {
  const goldDir = path.join(dir, 'gold');
  const docsDir = path.join(dir, 'docs');
  const golds = fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')) as GoldDoc);
  const scores: DocScore[] = [];
  for (const g of golds) {
    const doc = await parseFile(path.join(docsDir, g.file));
    const s = scoreDocument(doc, g);
    scores.push(s);
    const plan = Object.entries(s.plan).map(([k, v]) => `${k}${v ? '✓' : '✗'}`).join(' ');
    console.log(`${g.file.padEnd(22)} ${line('tasks', s.tasks)} | ${line('units', s.units)} | ${line('roles', s.roles)} | titles ${s.titles.right}/${s.titles.total} | ${plan}`);
    if (verbose) for (const e of s.errors) console.log(`    ${e}`);
  }
  const sum = summarize(scores);
  const f = (x: { p: number; r: number; f1: number }) => `P ${pct(x.p)} R ${pct(x.r)} F1 ${pct(x.f1)}`;
  console.log(`\nall (${scores.length} documents, micro-averaged)`);
  console.log(`  tasks  ${f(sum.tasks)}`);
  console.log(`  units  ${f(sum.units)}`);
  console.log(`  roles  ${f(sum.roles)}`);
  console.log(`  titles ${pct(sum.titles)} % of matched complete tasks`);
  console.log(`  plan   ${Object.entries(sum.plan).map(([k, v]) => `${k} ${pct(v)}`).join(' · ')}`);
  const set = path.basename(dir);
  const out = path.join(root, `bench/results/${set === 'other-plans' ? 'ingest-eval' : `ingest-eval-${set}`}.json`);
  fs.writeFileSync(out, JSON.stringify({ set: path.relative(root, dir), measuredAt: new Date().toISOString(), summary: sum, documents: scores }, null, 1) + '\n');
  console.log(`\nwritten ${path.relative(root, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
