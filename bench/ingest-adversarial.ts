/**
 * `npx tsx bench/ingest-adversarial.ts [--mb 1]`: parse time and memory of adversarial inputs
 * (issue 11.5), each about `--mb` megabytes: repeated "甲乙丙等应用、", 10 000 unterminated
 * "（责任单位：", 50 000 lines without 。, one 1 MB line without punctuation, deeply nested
 * brackets, and the same inside a numbered task (so the task, unit and application parsers all
 * see it). Prints one row per input; the goal is < 2 s each. Writes bench/results/ingest-adversarial.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../ingest';

const args = process.argv.slice(2);
const mb = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 1;
const size = Math.round(mb * 1024 * 1024);

const fill = (unit: string) => unit.repeat(Math.ceil(size / Buffer.byteLength(unit)));
const task = (body: string) => `关于推进数字政府建设的实施方案\n一、主要任务\n（一）加快建设\n1.推进平台建设。${body}\n2.完善机制。（责任单位：市发改委）\n`;

const inputs: [string, string][] = [
  ['repeated 甲乙丙等应用、', fill('甲乙丙等应用、')],
  ['10 000 unterminated （责任单位：', Array.from({ length: 10_000 }, (_, i) => `（责任单位：市发改委、市经信局${i}、`).join('').padEnd(size / 3, '数据')],
  ['10 000 unterminated （责任单位： lines', Array.from({ length: 10_000 }, (_, i) => `${i + 1}.推进建设（责任单位：市发改委、市经信局、市大数据局、各县（市、区）政府`).join('\n')],
  ['50 000 lines without 。', Array.from({ length: 50_000 }, (_, i) => `推进第${i}项工作`).join('\n')],
  ['one line, no punctuation', fill('数据平台系统')],
  ['nested brackets （（（…', fill('（责任单位：（')],
  ['labels without lists', fill('牵头单位：责任单位：配合单位：完成时限：')],
  ['verb runs 牵头，配合，', fill('市发改委牵头，市经信局配合，')],
  ['table bars', fill('序号\n|\n任务\n|\n责任单位\n|\n1\n|\n')],
  ['in a task: 甲乙丙等应用、', task(fill('甲乙丙等应用、'))],
  ['in a task: unterminated clauses', task(Array.from({ length: 10_000 }, () => '（责任单位：市发改委、').join(''))],
  ['in a task: quotes “““', task(fill('“甲乙丙”应用、“'))],
];

// warm-up: load the tokenizer dictionary and compile everything once, so each row is parse time only
parseDocument('warm-up.txt', fs.readFileSync(path.resolve(__dirname, '../seeds/000_4cb10dc33e04c09c.txt')));

const rows: { input: string; bytes: number; ms: number; heapMB: number; tasks: number; ok: boolean }[] = [];
for (const [name, text] of inputs) {
  if (global.gc) global.gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const doc = parseDocument('adversarial.txt', Buffer.from(text));
  const ms = performance.now() - t0;
  const heapMB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  rows.push({ input: name, bytes: Buffer.byteLength(text), ms: Math.round(ms), heapMB: Math.round(heapMB), tasks: doc.tasks.length, ok: doc.report.ok });
  console.log(`${name.padEnd(40)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(6)} kB ${ms.toFixed(0).padStart(7)} ms ${heapMB.toFixed(0).padStart(5)} MB heap Δ  ${doc.tasks.length} items ${ms < 2000 ? 'ok' : 'SLOW'}`);
}
const out = path.resolve(__dirname, 'results/ingest-adversarial.json');
fs.writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), config: `parseDocument, ${mb} MB inputs, node ${process.version}, shared CPUs`, rows }, null, 1) + '\n');
console.log(`written ${path.relative(process.cwd(), out)}`);
