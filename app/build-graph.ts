/**
 * `buildGraph(dir, parts)`: the one way a folder of plans becomes the graph the product serves —
 * ingest → analyse (cross-plan alignment, implements, domains, targets; with task embeddings when
 * an embedder is given) → merge → validate. The server, the CLI, eval, bench and the tests all
 * build their graph here.
 */
import { analyse, embedTasks, fileSourceReader, mergeGraphData } from '../analysis';
import type { GraphData } from '../graph/model';
import { normaliseBatch } from '../graph/validate';
import { ingestDirectory } from '../ingest';
import type { IngestReport } from '../ingest/types';
import type { Embedder } from '../search/embedder';
import type { DocumentSummary } from './manifest';

export interface BuildProgress {
  phase: 'ingest' | 'analyse';
  message: string;
  done?: number;
  total?: number;
}

export interface BuildParts {
  /** Embeds the tasks for the cross-plan analysis; null or absent: character bigrams instead. */
  embedder?: Embedder | null;
  onProgress?: (p: BuildProgress) => void;
  /** Run the cross-plan analysis (default true; the ×100 scale bench times the graph without it). */
  analyse?: boolean;
}

export interface BuiltGraph {
  graph: GraphData;
  reports: DocumentSummary[];
  /** Milliseconds: reading + parsing (`parse`: the parsing alone), task embeddings for the analysis, the analysis itself. */
  timings: { ingest: number; parse: number; embed: number; analyse: number };
}

function summaries(reports: IngestReport[], graph: GraphData): DocumentSummary[] {
  const titles = new Map<string, string>();
  for (const n of graph.nodes) if (n.labels.includes('Plan') && n.properties.sourceFile) titles.set(String(n.properties.sourceFile), String(n.properties.title));
  return reports.map((r) => ({ ...r, planTitle: titles.get(r.file) ?? null }));
}

export async function buildGraph(dir: string, parts: BuildParts = {}): Promise<BuiltGraph> {
  const progress = parts.onProgress ?? (() => {});
  const embedder = parts.embedder ?? null;
  let t = performance.now();
  const ingested = await ingestDirectory(dir, (done, total, file) => progress({ phase: 'ingest', message: `解析 / parsing ${file}`, done, total }));
  const ingest = performance.now() - t;
  const reports = summaries(ingested.documents, ingested.graph);
  if (parts.analyse === false) return { graph: normaliseBatch([ingested.graph]), reports, timings: { ingest, parse: ingested.parseMs, embed: 0, analyse: 0 } };
  t = performance.now();
  progress({ phase: 'analyse', message: `跨规划分析 / cross-plan analysis${embedder ? ' (embeddings)' : ' (character bigrams: no model)'}` });
  const embeddings = embedder ? await embedTasks(ingested.graph, embedder) : undefined;
  const embed = performance.now() - t;
  t = performance.now();
  const merged = mergeGraphData(ingested.graph, analyse({ graph: ingested.graph, embeddings, readSource: fileSourceReader(dir) }));
  // the stores' own validation: a bad graph fails here, not half-way into a store
  return { graph: normaliseBatch([merged]), reports, timings: { ingest, parse: ingested.parseMs, embed, analyse: performance.now() - t } };
}
