/**
 * Shared by `npm run eval` and the golden test: build the seeds' graph into an in-memory store, build
 * the search with given settings, run a query set and score it against graded relevance
 * judged by file + path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import { buildGraph } from '../../app/build-graph';
import { createSearch, type Search } from '../../search';
import type { Embedder } from '../../search/embedder';
import type { RankingSettings } from '../../search/settings';
import type { SearchResult } from '../../search/types';
import { mean, scoreOne, type Scores } from './metrics';

export interface Query {
  id: string;
  q: string;
  type: string;
  relevant: { file: string; path: string; grade: number }[];
}

export function loadQueries(file: string): Query[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Query[];
}

/** The judgement key of a result: source file name + the document's own numbering. */
export function resultKey(r: Pick<SearchResult, 'node'>): string {
  return `${path.basename(String(r.node.properties.sourceFile ?? ''))}#${String(r.node.properties.path ?? '')}`;
}

/**
 * The graph of a plan folder as the product builds it (app/build-graph.ts) in an in-memory store.
 * The analysis runs without embeddings: the ranking reads no analysis node or edge, so the
 * scores are those of the served graph.
 */
export async function seedStore(seedsDir: string | string[]): Promise<MemoryStore> {
  const dirs = typeof seedsDir === 'string' ? [seedsDir] : seedsDir;
  // several folders (the seeds plus other cities' plans): one folder of their files, as a user would load them
  const dir = dirs.length === 1 ? dirs[0] : fs.mkdtempSync(path.join(os.tmpdir(), 'kg-docs-'));
  try {
    if (dir !== dirs[0]) for (const d of dirs) for (const f of fs.readdirSync(d)) if (fs.statSync(path.join(d, f)).isFile()) fs.copyFileSync(path.join(d, f), path.join(dir, f));
    const { graph } = await buildGraph(dir);
    const store = new MemoryStore();
    await store.upsert(graph);
    return store;
  } finally {
    if (dir !== dirs[0]) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function buildSearch(store: MemoryStore, config: Config, embedder: Embedder | null, settings?: Partial<RankingSettings>): Promise<Search> {
  return createSearch({ store, config, embedder, settings });
}

export interface QueryRun {
  id: string;
  type: string;
  q: string;
  ranking: string[];
  scores: Scores;
}

export interface RunSummary {
  overall: Scores;
  byType: Record<string, Scores>;
  queries: QueryRun[];
}

export async function runQueries(search: Search, queries: Query[], k = 10): Promise<RunSummary> {
  const runs: QueryRun[] = [];
  for (const q of queries) {
    const res = await search.search(q.q, { k });
    const ranking = res.results.map(resultKey);
    const rel = new Map(q.relevant.map((r) => [`${r.file}#${r.path}`, r.grade]));
    runs.push({ id: q.id, type: q.type, q: q.q, ranking, scores: scoreOne(ranking, rel) });
  }
  const types = [...new Set(runs.map((r) => r.type))];
  return {
    overall: mean(runs.map((r) => r.scores)),
    byType: Object.fromEntries(types.map((t) => [t, mean(runs.filter((r) => r.type === t).map((r) => r.scores))])),
    queries: runs,
  };
}

/** The same embedder with query vectors remembered (grid sweeps ask the same questions many times). */
export function memoQueries(e: Embedder): Embedder {
  const memo = new Map<string, Promise<Float32Array>>();
  return {
    name: e.name,
    model: e.model,
    get dimensions() {
      return e.dimensions;
    },
    embed: (texts) => e.embed(texts),
    close: () => e.close(),
    embedQuery(text) {
      if (!memo.has(text)) memo.set(text, e.embedQuery(text));
      return memo.get(text)!;
    },
  };
}
