import type { GraphData } from '../graph/model';
import type { Embedder } from '../search/embedder';
import { taskBody } from '../ingest/units';
import { wholeText } from '../search/passages';
import { indexGraph, type TaskNode } from './graph-index';
import type { TaskEmbeddings } from './pair-score';

/**
 * The text a task is embedded by: the search index's whole-task passage (title + text without
 * the responsibility clause, whitespace removed), so one cached vector serves both.
 */
export function embeddedText(t: TaskNode): string {
  const title = String(t.properties.title ?? '');
  return wholeText({ title, body: taskBody(t.properties) });
}

/** Embeds every task of `graph` with `embedder` (one call: a cached embedder batches and skips known texts). */
export async function embedTasks(graph: GraphData, embedder: Embedder): Promise<TaskEmbeddings> {
  const tasks = indexGraph(graph).tasks;
  const vectors = await embedder.embed(tasks.map(embeddedText));
  return new Map(tasks.map((t, i) => [t.id, vectors[i]]));
}
