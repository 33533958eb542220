/**
 * Measures the precision of cross-plan alignment on judged pairs (docs/alignment-judgements.json).
 *   npx tsx analysis/tools/alignment-precision.ts            precision per score band and per threshold
 *   npx tsx analysis/tools/alignment-precision.ts --sample   draws 50 unjudged candidate pairs to judge
 *   add --no-model to measure the char-bigram fallback instead of the embeddings
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../core/config';
import type { GraphData } from '../../graph/model';
import { ingestDirectory } from '../../ingest/index';
import { createEmbedder } from '../../search/embedder-factory';
import { ALIGN_THRESHOLDS, alignedPairs, scoreCrossPlanPairs, selectAlignments } from '../align';
import { embedTasks } from '../embed';
import { indexGraph } from '../graph-index';
import type { PairScore, TaskEmbeddings } from '../pair-score';

const JUDGED = path.join(config.root, 'docs', 'alignment-judgements.json');

interface Judgement {
  a: { file: string; path: string; title: string };
  b: { file: string; path: string; title: string };
  score: number; // score when sampled
  method: string;
  related: boolean; // my judgement: the two tasks pursue the same goal
  reason: string;
}

const key = (file: string, p: string) => `${file}#${p}`;

/** A small deterministic generator, so the sample can be drawn again. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function main(args: string[]): Promise<void> {
  const { graph } = (await ingestDirectory(config.seedsDir)) as { graph: GraphData };
  let embeddings: TaskEmbeddings | undefined;
  if (!args.includes('--no-model')) {
    const { embedder, status } = await createEmbedder(config);
    if (!embedder) throw new Error(`no embedder: ${status.reason}`);
    embeddings = await embedTasks(graph, embedder);
    await embedder.close?.();
  }
  const idx = indexGraph(graph);
  const ref = (id: string) => {
    const t = idx.nodes.get(id)!.properties;
    return { file: String(t.sourceFile), path: String(t.path), title: String(t.title) };
  };
  const pairs = scoreCrossPlanPairs(graph, embeddings); // every pair: the reference
  const method = pairs[0].method;
  const planOf = (id: string) => idx.planOfTask.get(id) ?? '';
  // what alignTasks keeps (candidate pairs, confirmed mutual best), at any score
  const kept = alignedPairs(graph, { embeddings, threshold: 0 });
  const judged: Judgement[] = fs.existsSync(JUDGED) ? JSON.parse(fs.readFileSync(JUDGED, 'utf8')) : [];
  const verdict = new Map<string, boolean>();
  for (const j of judged) {
    verdict.set(`${key(j.a.file, j.a.path)}|${key(j.b.file, j.b.path)}`, j.related);
    verdict.set(`${key(j.b.file, j.b.path)}|${key(j.a.file, j.a.path)}`, j.related);
  }
  const pairKey = (p: PairScore) => `${key(ref(p.a).file, ref(p.a).path)}|${key(ref(p.b).file, ref(p.b).path)}`;
  if (args.includes('--sample')) {
    const low = ALIGN_THRESHOLDS[method] - (method === 'embedding' ? 0.08 : 0.03);
    const pool = kept.filter((p) => p.score >= low && !verdict.has(pairKey(p)));
    const next = rng(20240607);
    const sample: PairScore[] = [];
    while (sample.length < 50 && pool.length) sample.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    const out = sample.map((p) => ({ a: ref(p.a), b: ref(p.b), score: Math.round(p.score * 1000) / 1000, method, related: null, reason: '' }));
    console.log(JSON.stringify(out, null, 1));
    return;
  }
  const exhaustive = selectAlignments(pairs, planOf, 0);
  const same = new Set(exhaustive.map((p) => `${p.a}|${p.b}`));
  console.log(`alignTasks keeps ${kept.length} pairs at any score; the exhaustive selection ${exhaustive.length}; in both ${kept.filter((p) => same.has(`${p.a}|${p.b}`)).length}`);
  const rows = kept.map((p) => ({ score: p.score, v: verdict.get(pairKey(p)) })).filter((r) => r.v !== undefined);
  console.log(`method ${method}; judged pairs among candidates: ${rows.length}/${judged.length}`);
  for (const t of method === 'embedding' ? [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] : [0.08, 0.1, 0.13, 0.15, 0.2, 0.25]) {
    const above = rows.filter((r) => r.score >= t);
    if (!above.length) continue;
    const ok = above.filter((r) => r.v).length;
    const edges = kept.filter((p) => p.score >= t).length;
    console.log(`threshold ${t.toFixed(2)}: precision ${(ok / above.length).toFixed(3)} (${ok}/${above.length} judged), ${edges} edges${t === ALIGN_THRESHOLDS[method] ? '  <- chosen' : ''}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
