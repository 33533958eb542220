/**
 * Peers in the same run (one child process): Orama (@orama/tokenizers mandarin, Intl.Segmenter
 * words) and MiniSearch (nodejieba words) index the same tasks (title + text, title boosted ×2
 * as in ours) and answer the same dev questions; nDCG@10 / Recall@10 (bench/lib/metrics) and
 * per-query latency beside ours (keyword + graph, and with the neural model when asked).
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { loadConfig } from '../core/config';
import { createEmbedder } from '../search';
import { wordTokens } from '../search/tokenize';
import { buildSearch, resultKey, seedStore } from './lib/harness';
import { mean, scoreOne, type Scores } from './lib/metrics';
import { childArgs, report } from './common/child';
import { devQueries } from './common/queries';
import { summarize, type Latency } from './common/stats';

export interface PeersArgs {
  dir: string;
  /** Data dir for our neural run's embedding cache (warm after the ingest bench). */
  neuralDataDir: string | null;
}

export interface SystemResult {
  system: string;
  indexMs: number;
  scores: Scores;
  latency: Latency;
}

type Answer = (q: string) => Promise<string[]> | string[]; // ranked judgement keys

const WORD = /[\p{L}\p{N}]/u;
const jiebaWords = (s: string) => nodejieba.cut(s, true).filter((w) => WORD.test(w));

async function evaluate(system: string, indexMs: number, answer: Answer): Promise<SystemResult> {
  const queries = devQueries(loadConfig().root);
  for (const q of queries) await answer(q.q); // warm-up
  const ms: number[] = [];
  const scores: Scores[] = [];
  for (const q of queries) {
    const t = performance.now();
    const ranked = await answer(q.q);
    ms.push(performance.now() - t);
    scores.push(scoreOne(ranked.slice(0, 10), new Map(q.relevant.map((r) => [`${r.file}#${r.path}`, r.grade]))));
  }
  for (let r = 0; r < 2; r++) for (const q of queries) {
    const t = performance.now();
    await answer(q.q);
    ms.push(performance.now() - t);
  }
  return { system, indexMs: Math.round(indexMs * 10) / 10, scores: mean(scores), latency: summarize(ms) };
}

export async function runPeers(a: PeersArgs): Promise<SystemResult[]> {
  const store = await seedStore(a.dir);
  const tasks = (await store.nodesByLabel('Task')).map((n) => ({
    id: n.id, key: resultKey({ node: n }), title: String(n.properties.title ?? ''), text: String(n.properties.text ?? ''),
  }));
  const keyOf = new Map(tasks.map((t) => [t.id, t.key]));
  // jieba loads its dictionaries on first use, once per process (search/tokenize.ts loads them with its
  // options; MiniSearch's cut then uses the same): not part of anyone's indexing time
  wordTokens('预热');
  jiebaWords('预热');
  const out: SystemResult[] = [];

  let t = performance.now();
  const orama = create({ schema: { title: 'string', text: 'string' } as const, components: { tokenizer: createTokenizer() } });
  await insertMultiple(orama, tasks.map((x) => ({ id: x.id, title: x.title, text: x.text })));
  const oramaMs = performance.now() - t;
  out.push(await evaluate('Orama 3 (mandarin tokenizer)', oramaMs, async (q) => {
    const res = await oramaSearch(orama, { term: q, properties: ['title', 'text'], boost: { title: 2 }, limit: 10, threshold: 1 });
    return res.hits.map((h) => keyOf.get(h.id) ?? h.id);
  }));

  t = performance.now();
  const mini = new MiniSearch<{ id: string; title: string; text: string }>({ fields: ['title', 'text'], tokenize: jiebaWords, searchOptions: { boost: { title: 2 } } });
  mini.addAll(tasks);
  const miniMs = performance.now() - t;
  out.push(await evaluate('MiniSearch 7 (jieba tokenizer)', miniMs, (q) => mini.search(q).slice(0, 10).map((h) => keyOf.get(String(h.id))!)));

  const config = loadConfig({ ...process.env, KG_EMBEDDER: 'none', KG_DATA_DIR: '/nonexistent-bench-dir' });
  t = performance.now();
  const ours = await buildSearch(store, config, null);
  const oursMs = performance.now() - t;
  out.push(await evaluate('ours: keyword + graph (no model)', oursMs, async (q) => (await ours.search(q, { k: 10 })).results.map(resultKey)));

  if (a.neuralDataDir) {
    const nconfig = loadConfig({ ...process.env, KG_EMBEDDER: '', KG_DATA_DIR: a.neuralDataDir });
    const { embedder, status } = await createEmbedder(nconfig);
    if (!embedder) console.error(`SKIP ours with model: ${status.reason}`);
    else {
      t = performance.now();
      const neural = await buildSearch(store, nconfig, embedder);
      const neuralMs = performance.now() - t;
      await neural.save();
      out.push(await evaluate('ours: hybrid + graph (bge-small-zh)', neuralMs, async (q) => (await neural.search(q, { k: 10 })).results.map(resultKey)));
      await neural.close();
    }
  }
  return out;
}

if (require.main === module) {
  runPeers(childArgs<PeersArgs>()).then(report, (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
