import type { GraphData } from '../graph/model';
import type { Embedder } from '../search/embedder';
import { indexGraph, taskText } from './graph-index';
import type { TaskEmbeddings } from './pair-score';

/** Embeds every task of `graph` (title + text) with `embedder`, in batches. */
export async function embedTasks(graph: GraphData, embedder: Embedder, batchSize = 16): Promise<TaskEmbeddings> {
  const tasks = indexGraph(graph).tasks;
  const out: TaskEmbeddings = new Map();
  for (let i = 0; i < tasks.length; i += batchSize) {
    const batch = tasks.slice(i, i + batchSize);
    const vectors = await embedder.embed(batch.map(taskText));
    batch.forEach((t, j) => out.set(t.id, vectors[j]));
  }
  return out;
}
