import type { GraphData, GraphNode } from '../graph/model';
import type { EmbedderStatus } from './embedder';

export interface SearchOptions {
  k?: number; // 1..50, default 10
  plan?: string; // Plan id
  unit?: string; // Unit id
  application?: string; // Application id
  year?: number;
  depth?: number; // neighbourhood depth, default 1
}

/** What the engine understood in the question. */
export interface Interpretation {
  normalized: string;
  tokens: string[];
  entities: { type: 'unit' | 'application' | 'plan' | 'region' | 'year' | 'role'; id?: string; text: string; value?: string | number }[];
  mode: 'hybrid' | 'keyword' | 'graph+hybrid' | 'graph+keyword';
  notes: string[];
}

export interface Highlight {
  field: 'title' | 'text';
  start: number; // offsets into the property string, UTF-16 code units
  end: number;
}

export interface SearchResult {
  node: GraphNode;
  score: number;
  why: Record<string, number | null>; // per-signal rank (1-based), null when absent
  highlights: Highlight[];
  neighbourhood: GraphData;
}

export interface SearchResponse {
  query: string;
  took_ms: number;
  interpretation: Interpretation;
  results: SearchResult[];
}

export interface SearchStatus {
  embedder: EmbedderStatus;
  vectors: number;
  keywordDocs: number;
}

/** The search the server, CLI, eval and benches call. */
export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  status(): SearchStatus;
}
