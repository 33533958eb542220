/**
 * In process, with the model, on questions no cache has seen: one query embedding alone (the
 * model process behind the supervisor, no LRU) vs a whole `search(q, {k: 10})`, each timed
 * serially. The goal: the search's p95 within 2× the embedding's.
 */
import { loadConfig } from '../core/config';
import { bootstrap } from '../app/pipeline';
import { createEmbedder } from '../search/embedder-factory';
import { childArgs, report } from './common/child';
import { devQueries } from './common/queries';
import { summarize, type Latency } from './common/stats';
import { uniqueQuestions } from './common/unique-questions';

export interface InprocResult {
  n: number;
  embed: Latency;
  search: Latency;
}

async function main(a: { dir: string; dataDir: string }): Promise<InprocResult> {
  const config = loadConfig({ ...process.env, KG_DATA_DIR: a.dataDir, KG_EMBEDDER: '' });
  const p = await bootstrap({ config, dir: a.dir });
  // a second model process of the same kind, timed alone (the search's own sits behind its LRU)
  const { embedder, status } = await createEmbedder(config);
  if (!embedder || !p.search.status().embedder.active) throw new Error(`no model: the in-process comparison needs bge-small-zh (${status.reason ?? ''})`);
  const questions = devQueries(config.root).map((q) => q.q);
  const warm = uniqueQuestions(questions, '预热');
  for (let i = 0; i < 30; i++) await p.search.search(warm(), { k: 10 });
  const nextE = uniqueQuestions(questions, '向量');
  const nextS = uniqueQuestions(questions);
  const e: number[] = [];
  const s: number[] = [];
  const n = 300;
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await embedder.embedQuery(nextE());
    e.push(performance.now() - t);
    t = performance.now();
    await p.search.search(nextS(), { k: 10 });
    s.push(performance.now() - t);
  }
  await p.close();
  await embedder.close();
  return { n, embed: summarize(e), search: summarize(s) };
}

if (require.main === module) main(childArgs()).then(report, (e: unknown) => {
  console.error(e);
  process.exit(1);
});
