/**
 * The last `max` query vectors by question text (least recently used dropped first): a question
 * asked again, or by many users at once, is embedded once. Pending embeddings are shared too,
 * so concurrent identical questions wait for one model call. A failed embedding is not kept.
 */
export class QueryLru {
  private readonly map = new Map<string, Promise<Float32Array>>();
  hits = 0;
  misses = 0;

  constructor(readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  get(text: string, compute: (text: string) => Promise<Float32Array>): Promise<Float32Array> {
    if (this.max <= 0) return compute(text);
    const found = this.map.get(text);
    if (found) {
      this.hits++;
      this.map.delete(text); // re-insert: Map keeps insertion order, the oldest is first
      this.map.set(text, found);
      return found;
    }
    this.misses++;
    const p = compute(text);
    this.map.set(text, p);
    p.catch(() => {
      if (this.map.get(text) === p) this.map.delete(text);
    });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return p;
  }
}
