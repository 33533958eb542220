/**
 * The Embedder contract (search/embedder.ts), run against every implementation: the hashed test
 * embedder, CachedEmbedder, TransformersEmbedder (bge-small-zh) and SupervisedEmbedder.
 */
import type { Embedder } from '../../search/embedder';

const TEXTS = ['推进数据安全体系建设', '建设城市大脑，迭代升级数据底座', '防止个人隐私信息泄露', '一网通办', '深化“最多跑一次”改革，推动政务服务事项全流程网上办理'];
const norm = (v: Float32Array) => Math.hypot(...v);
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
const close = (a: Float32Array, b: Float32Array, tol: number) => a.length === b.length && cosine(a, b) >= 1 - tol;

/**
 * `make` gives a fresh embedder per test; `tol` is how far (1 − cosine) batching may move a
 * vector: 0 but for float noise in the hashed embedder; for the int8 model a batch changes the
 * activations' quantisation range and the padding, measured at cosine 0.993–0.996 to the text alone.
 */
export function runEmbedderContract(name: string, make: () => Promise<Embedder>, tol = 1e-6): void {
  describe(`Embedder contract: ${name}`, () => {
    let e: Embedder;
    beforeAll(async () => {
      e = await make();
    });
    afterAll(async () => e?.close());

    test('names itself and its model; a positive dimension', () => {
      expect(typeof e.name).toBe('string');
      expect(e.model.length).toBeGreaterThan(0);
      expect(Number.isInteger(e.dimensions) && e.dimensions > 0).toBe(true);
    });

    test('embed: one finite unit vector per text, in order; none for none', async () => {
      expect(await e.embed([])).toEqual([]);
      const vs = await e.embed(TEXTS);
      expect(vs).toHaveLength(TEXTS.length);
      for (const v of vs) {
        expect(Object.prototype.toString.call(v)).toBe('[object Float32Array]'); // (IPC arrays come from another realm under jest)
        expect(v.length).toBe(e.dimensions);
        expect(v.every(Number.isFinite)).toBe(true);
        expect(norm(v)).toBeCloseTo(1, 3);
      }
      // the same text alone gives the same vector as in the batch (no mix-up, batching only pads)
      for (let i = 0; i < TEXTS.length; i++) expect(close((await e.embed([TEXTS[i]]))[0], vs[i], tol)).toBe(true);
      expect(close(vs[0], vs[1], 0.02)).toBe(false); // different texts are far apart
    });

    test('embedQuery: a unit vector; concurrent queries each get their own', async () => {
      const serial: Float32Array[] = [];
      for (const t of TEXTS) serial.push(await e.embedQuery(t));
      for (const v of serial) {
        expect(v.length).toBe(e.dimensions);
        expect(norm(v)).toBeCloseTo(1, 3);
      }
      const together = await Promise.all([...TEXTS, ...TEXTS].map((t) => e.embedQuery(t)));
      together.forEach((v, i) => expect(close(v, serial[i % TEXTS.length], tol)).toBe(true));
    });

    test('close: idempotent, later calls reject with MODEL_UNAVAILABLE', async () => {
      const own = await make();
      await own.embedQuery(TEXTS[0]);
      await own.close();
      await own.close();
      await expect(own.embedQuery(TEXTS[0])).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
      await expect(own.embed([TEXTS[1]])).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    });
  });
}
