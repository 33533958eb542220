import type { GraphData, GraphNode } from '../graph/model';
import type { Answer } from './answers';
import type { EmbedderStatus } from './embedder';
import type { Match, MatchEvidence } from './match';

export interface SearchOptions {
  k?: number; // 1..50, default 10
  plan?: string; // Plan id
  unit?: string; // Unit id
  application?: string; // Application id
  year?: number;
  depth?: number; // neighbourhood depth, default 1
  offset?: number; // results to skip (paging), default 0
}

/** What the engine understood in the question. */
export interface Interpretation {
  normalized: string;
  tokens: string[];
  entities: { type: 'unit' | 'application' | 'plan' | 'region' | 'year' | 'role' | 'deadline'; id?: string; text: string; value?: string | number }[];
  mode: 'hybrid' | 'keyword' | 'graph+hybrid' | 'graph+keyword';
  notes: string[];
  /** One-character corrections applied to the question (浙里半 → 浙里办). */
  corrections: { from: string; to: string }[];
  /** English words of the question read as the plans' Chinese words (smart → 智能). */
  translations: { from: string; to: string[] }[];
  /** Extra query terms: the expansion table's, those of them the query vector took (with the model: the ones that agree with the rest of the question), and the plans' own terms bridged to (with the model). */
  expansion: { table: string[]; inVector: string[]; bridged: string[] };
  /** What `match` was decided from. */
  evidence: MatchEvidence;
}

/** A topic of the plans near the question, offered when nothing matches. */
export interface NearestTopic {
  text: string;
  taskId: string;
  planId: string;
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
  /** Whether the plans answer the question: `none` means no result is shown (see `nearest`). */
  match: Match;
  /** Tasks that match (graph answers, the question's own words, dense evidence); `results` is one page of them. */
  total: number;
  offset: number;
  k: number;
  interpretation: Interpretation;
  /** What the graph answers directly (targets, a unit's tasks by role, the plan of a document number). */
  answers: Answer[];
  /** For `match: "none"`: the plans' nearest topics (headings), so the user can ask differently. */
  nearest: NearestTopic[];
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
