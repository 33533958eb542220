/**
 * `npx tsx bench/match.ts [--no-model] [--verbose] [--docs DIR[,DIR…]]`: the match calibration. Runs the dev
 * questions, the in-domain questions without judgements (eval/queries-indomain-extra.json) and
 * the out-of-domain ones (eval/queries-ood.json; eval/queries-ood-long.json, everyday sentences
 * written after the calibration, as its own row) and prints how often each gets `none`, with and
 * without the model, plus the evidence per question with --verbose. Goal (issue 15): ≥ 90 % of
 * out-of-domain questions `none`, ≤ 3 % of in-domain ones. `--docs seeds,eval/other-plans/docs`: the
 * same questions over the seeds and other cities' plans loaded together (more vocabulary, so more
 * out-of-domain characters occur somewhere), into bench/results/match-other-plans.json.
 * `--queries FILE[,FILE…]` (judged questions) replaces the dev and extra in-domain sets, `--ood FILE` adds an
 * out-of-domain set, `--out NAME` names the results file: plans a user loads alone, e.g.
 * `--docs eval/fresh-plans/docs --queries eval/queries-fresh.json --ood eval/queries-fresh-ood.json --out match-fresh.json`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import type { Embedder } from '../search/embedder';
import { buildSearch, loadQueries, seedStore } from './lib/harness';

export interface MatchRow { set: string; q: string; match: string; evidence: unknown }

function questions(file: string): string[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { questions: { q: string }[] }).questions.map((x) => x.q);
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const evalConfig = loadConfig({ ...process.env, KG_DATA_DIR: path.join(os.tmpdir(), 'kg-eval') });
  const docs = argv.includes('--docs') ? argv[argv.indexOf('--docs') + 1].split(',').map((d) => path.resolve(d)) : [config.seedsDir];
  const store = await seedStore(docs);
  const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const judged = arg('--queries')?.split(',').map((f) => path.resolve(f));
  const extraOod = arg('--ood');
  const sets: [string, string[]][] = [
    ...(judged
      ? [['in-domain (judged)', judged.flatMap((f) => loadQueries(f).map((q) => q.q))] as [string, string[]]]
      : [['dev', loadQueries(path.join(config.root, 'eval', 'queries-dev.json')).map((q) => q.q)], ['in-domain extra', questions(path.join(config.root, 'eval', 'queries-indomain-extra.json'))]] as [string, string[]][]),
    ['out-of-domain', questions(path.join(config.root, 'eval', 'queries-ood.json'))],
    // everyday sentences, written after the thresholds were set (not tuned on)
    ['ood sentences', questions(path.join(config.root, 'eval', 'queries-ood-long.json'))],
    ...(extraOod ? [['ood (given)', questions(path.resolve(extraOod))] as [string, string[]]] : []),
  ];
  const outOfDomain = new Set(['out-of-domain', 'ood sentences', 'ood (given)']);
  const { embedder } = argv.includes('--no-model') ? { embedder: null } : await createEmbedder(config);
  const out: Record<string, unknown> = {};
  const NO_TABLE = { expansion: 0, expandDense: false };
  const configs: [string, Embedder | null, object][] = [['with model', embedder, {}], ['without model', null, {}], ['with model, no table', embedder, NO_TABLE], ['without model, no table', null, NO_TABLE]];
  for (const [label, e, settings] of configs) {
    if (label.startsWith('with model') && !e) continue;
    const search = await buildSearch(store, evalConfig, e, settings);
    const rows: MatchRow[] = [];
    for (const [set, qs] of sets) {
      for (const q of qs) {
        const r = await search.search(q);
        rows.push({ set, q, match: r.match, evidence: r.interpretation.evidence });
      }
    }
    console.log(`\n${label}`);
    const summary: Record<string, Record<string, number>> = {};
    for (const [set] of sets) {
      const mine = rows.filter((r) => r.set === set);
      const count = (m: string) => mine.filter((r) => r.match === m).length;
      summary[set] = { n: mine.length, strong: count('strong'), weak: count('weak'), none: count('none'), nonePct: Math.round((1000 * count('none')) / mine.length) / 10 };
      console.log(`${set.padEnd(16)} n ${String(mine.length).padStart(3)}  strong ${String(count('strong')).padStart(3)}  weak ${String(count('weak')).padStart(3)}  none ${String(count('none')).padStart(3)} (${summary[set].nonePct} %)`);
    }
    for (const r of rows) {
      const wrong = outOfDomain.has(r.set) !== (r.match === 'none');
      if (argv.includes('--verbose') || (wrong && !label.includes('no table'))) console.log(`${wrong ? '✗' : ' '} ${r.set.padEnd(16)} ${r.match.padEnd(6)} ${JSON.stringify(r.evidence)} ${r.q}`);
    }
    out[label] = { summary, rows };
    if (e) await search.save();
  }
  const file = arg('--out') ?? (docs.length === 1 && docs[0] === config.seedsDir ? 'match.json' : 'match-other-plans.json');
  fs.writeFileSync(path.join(config.root, 'bench', 'results', file), JSON.stringify({ date: new Date().toISOString(), docs: docs.map((d) => path.relative(config.root, d)), ...out }, null, 1));
  await (embedder as { close?: () => Promise<void> } | null)?.close?.();
}

main(process.argv.slice(2)).then(() => process.exit(0));
