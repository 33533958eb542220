/**
 * One field of a BM25 index in typed arrays: each document's terms (term id + frequency, in
 * first-occurrence order) appended to growable arrays while indexing, and the inverted postings
 * (CSR: per-term offsets, documents ascending, frequencies) derived from them by `freeze`.
 * About 6 bytes a posting each way, where Maps of Maps took about 50.
 */

type Tf = Uint16Array | Uint32Array;

function grown<T extends Int32Array | Uint16Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class FieldIndex {
  /** Forward index: the terms of document d are fwdTerms[start(d) .. ends[d]). */
  private fwdTerms = new Int32Array(256);
  private fwdTfs: Tf = new Uint16Array(256);
  private fwdLength = 0;
  private ends = new Int32Array(64);
  private lengthsBuf = new Int32Array(64);
  private docs = 0;
  totalLength = 0;
  /** Inverted index, valid after `freeze`: the postings of term t are [offsets[t], offsets[t + 1]). */
  offsets = new Int32Array(1);
  postDocs = new Int32Array(0);
  postTfs: Tf = new Uint16Array(0);

  /** Document lengths in tokens (0 where the document lacks the field). */
  get lengths(): Int32Array {
    return this.lengthsBuf;
  }

  /** Records document `doc` (documents come in order; skipped ones get an empty entry). */
  addDoc(doc: number, terms: Map<number, number>, length: number): void {
    this.pad(doc);
    this.fwdTerms = grown(this.fwdTerms, this.fwdLength + terms.size);
    this.fwdTfs = grown(this.fwdTfs, this.fwdLength + terms.size);
    for (const [term, tf] of terms) {
      if (tf > 0xffff && this.fwdTfs instanceof Uint16Array) this.fwdTfs = Uint32Array.from(this.fwdTfs);
      this.fwdTerms[this.fwdLength] = term;
      this.fwdTfs[this.fwdLength++] = tf;
    }
    this.lengthsBuf[doc] = length;
    this.totalLength += length;
    this.ends[doc] = this.fwdLength;
    this.docs = doc + 1;
  }

  /** Empty entries up to (not including) `doc`, for documents without this field. */
  pad(doc: number): void {
    this.ends = grown(this.ends, doc + 1);
    this.lengthsBuf = grown(this.lengthsBuf, doc + 1);
    for (let d = this.docs; d < doc; d++) this.ends[d] = this.fwdLength;
    this.docs = Math.max(this.docs, doc);
  }

  /** Document `doc`'s term range in `termAt` / `tfAt`. */
  range(doc: number): [number, number] {
    if (doc >= this.docs) return [0, 0];
    return [doc ? this.ends[doc - 1] : 0, this.ends[doc]];
  }

  termAt(i: number): number {
    return this.fwdTerms[i];
  }

  tfAt(i: number): number {
    return this.fwdTfs[i];
  }

  /** Documents containing term `t` (0 for a term of other fields). */
  df(t: number): number {
    return t + 1 < this.offsets.length ? this.offsets[t + 1] - this.offsets[t] : 0;
  }

  /** Whether document `doc` contains term `t` (binary search in its postings). */
  has(t: number, doc: number): boolean {
    if (!this.df(t)) return false;
    let lo = this.offsets[t];
    let hi = this.offsets[t + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.postDocs[mid];
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Postings held, and bytes of all this field's arrays. */
  stats(): { postings: number; bytes: number } {
    const arrays = [this.fwdTerms, this.fwdTfs, this.ends, this.lengthsBuf, this.offsets, this.postDocs, this.postTfs];
    return { postings: this.fwdLength, bytes: arrays.reduce((n, a) => n + a.byteLength, 0) };
  }

  /** Trims the growable arrays to `docs` documents and builds the postings for `terms` term ids. */
  freeze(docs: number, terms: number): void {
    this.pad(docs);
    this.fwdTerms = this.fwdTerms.slice(0, this.fwdLength);
    this.fwdTfs = this.fwdTfs.slice(0, this.fwdLength);
    this.ends = this.ends.slice(0, docs);
    this.lengthsBuf = this.lengthsBuf.slice(0, docs);
    const offsets = new Int32Array(terms + 1);
    for (let i = 0; i < this.fwdLength; i++) offsets[this.fwdTerms[i] + 1]++;
    for (let t = 0; t < terms; t++) offsets[t + 1] += offsets[t];
    const fill = offsets.slice(0, terms);
    const postDocs = new Int32Array(this.fwdLength);
    const postTfs: Tf = this.fwdTfs instanceof Uint32Array ? new Uint32Array(this.fwdLength) : new Uint16Array(this.fwdLength);
    // documents in order, so each term's postings come out sorted by document
    for (let d = 0, i = 0; d < docs; d++) {
      for (; i < this.ends[d]; i++) {
        const at = fill[this.fwdTerms[i]]++;
        postDocs[at] = d;
        postTfs[at] = this.fwdTfs[i];
      }
    }
    this.offsets = offsets;
    this.postDocs = postDocs;
    this.postTfs = postTfs;
  }
}
