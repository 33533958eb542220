import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseDocument, type ParsedDocument } from '../../ingest';
import { SEEDS, seedFiles } from './helpers';

const seeds = seedFiles().map((f) => ({ file: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') }));

/** Invariants every parse must keep, whatever the input. */
function checkInvariants(doc: ParsedDocument, input: string | Buffer): void {
  expect(doc.graph.nodes.some((n) => n.id === doc.plan.id && n.labels.includes('Plan'))).toBe(true);
  const ids = new Set(doc.graph.nodes.map((n) => n.id));
  expect(ids.size).toBe(doc.graph.nodes.length);
  for (const r of doc.graph.relationships) {
    expect(ids.has(r.start) && ids.has(r.end)).toBe(true);
  }
  const lines = (typeof input === 'string' ? input : input.toString('utf8')).split(/\r\n|\r|\n/).length;
  for (const t of doc.tasks) {
    expect(t.lineStart).toBeGreaterThanOrEqual(1);
    expect(t.lineEnd).toBeGreaterThanOrEqual(t.lineStart);
    expect(t.lineEnd).toBeLessThanOrEqual(lines);
  }
}

const core = (d: ParsedDocument) => d.tasks.map((t) => ({ path: t.path, title: t.title, kind: t.kind, units: t.units, years: t.years }));

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'garbage'; at: number; text: string }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('garbage' as const), at: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom('（责任单位：', '一、', '（一）', '1.', '“', '）', '〔', '等应用', '责任单位：、、', '\t\t1\t')) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, muts: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of muts) {
    const i = lines.length ? m.at % lines.length : 0;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.op === 'garbage') lines.splice(i, 0, m.text);
    else lines = lines.join('\n').slice(0, m.at % (text.length + 1)).split('\n');
  }
  return lines.join('\n');
}

describe('parseDocument never throws and always yields the Plan', () => {
  test('mutated seeds: deletions, duplicated lines, inserted garbage, truncation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { maxLength: 8 }), fc.boolean(), (seed, muts, asBuffer) => {
        const text = mutate(seed.text, muts);
        const input = asBuffer ? Buffer.from(text) : text;
        const doc = parseDocument(seed.file, input);
        expect(doc.report.ok).toBe(true);
        checkInvariants(doc, input);
      }),
      { numRuns: 150 },
    );
  });

  test('truncated bytes (possibly mid-character) still decode as UTF-8', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), (seed, cut) => {
        const bytes = Buffer.from(seed.text);
        const input = bytes.subarray(0, cut % (bytes.length + 1));
        const doc = parseDocument(seed.file, input);
        expect(doc.report.ok).toBe(true);
        expect(doc.report.encoding).toBe('utf-8');
        checkInvariants(doc, input);
      }),
      { numRuns: 40 },
    );
  });

  test.each(seeds.map((s) => [s.file, s] as const))('%s: CRLF and full-width digits give the same tasks', (_f, seed) => {
    const base = core(parseDocument(seed.file, seed.text));
    const crlf = parseDocument(seed.file, seed.text.replace(/\n/g, '\r\n'));
    expect(core(crlf)).toEqual(base);
    const wide = parseDocument(seed.file, '\uFEFF' + seed.text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    expect(core(wide)).toEqual(base);
  });
});

describe('adversarial documents', () => {
  test('empty input yields a Plan and no tasks', () => {
    for (const input of ['', Buffer.alloc(0), '\n\n  \r\n']) {
      const doc = parseDocument('empty.txt', input);
      expect(doc.report.ok).toBe(true);
      expect(doc.tasks).toEqual([]);
      checkInvariants(doc, input);
    }
  });

  test('binary bytes are refused with INGEST_FAILED, not thrown', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 4096 }), (bytes) => {
        const withNul = Buffer.concat([Buffer.from(bytes), Buffer.alloc(32)]);
        const doc = parseDocument('blob.bin', withNul);
        expect(doc.report.ok).toBe(false);
        expect(doc.report.error?.code).toBe('INGEST_FAILED');
        expect(doc.report.error?.message).toMatch(/二进制|binary/);
        checkInvariants(doc, '');
      }),
      { numRuns: 30 },
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcffff3f0005fe02fea7d6a4280000000049454e44ae426082', 'hex');
    expect(parseDocument('x.png', png).report.error?.code).toBe('INGEST_FAILED');
  });

  test.each(seeds.map((s) => [s.file, s] as const))('%s: GBK and UTF-16 encodings decode to the same tasks', (_f, seed) => {
    const base = parseDocument(seed.file, seed.text);
    const gbk = parseDocument(seed.file, iconv.encode(seed.text, 'gbk'));
    expect(gbk.report.encoding).toBe('gb18030');
    expect(core(gbk)).toEqual(core(base));
    expect(gbk.plan.title).toBe(base.plan.title);
    const utf16 = parseDocument(seed.file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed.text, 'utf-16le')]));
    expect(utf16.report.encoding).toBe('utf-16le');
    expect(core(utf16)).toEqual(core(base));
  });

  test('a document without numbering keeps its text as paragraphs', () => {
    const text = '关于推进数字化改革的若干想法\n\n要加快建设城市大脑，推广“浙里办”应用。（责任单位：市大数据局）\n\n到2025年底基本建成一体化智能化公共数据平台。\n';
    const doc = parseDocument('plain.txt', text);
    expect(doc.report.ok).toBe(true);
    expect(doc.tasks.map((t) => t.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(doc.tasks.map((t) => t.lineStart)).toEqual([1, 3, 5]);
    expect(doc.tasks.map((t) => t.text).join('')).toBe(text.replace(/\s+/g, ''));
    expect(doc.tasks[1].units.map((u) => u.raw)).toEqual(['市大数据局']);
    expect(doc.tasks[2].years).toEqual([2025]);
    expect(doc.report.warnings.join()).toMatch(/段落|paragraph/);
    checkInvariants(doc, text);
  });

  test('a 20 MB document parses in linear time without blowing up', () => {
    const seed = seeds.find((s) => s.file.startsWith('003'))!.text;
    const big = Buffer.from(seed.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(seed))));
    expect(big.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const doc = parseDocument('big.txt', big);
    expect(doc.report.ok).toBe(true);
    expect(doc.report.tasks).toBeGreaterThan(36 * 700);
    expect(new Set(doc.tasks.map((t) => t.id)).size).toBe(doc.tasks.length);
    expect(doc.report.warnings.length).toBeLessThanOrEqual(50);
    // one 20 MB line with no punctuation: the regexes must stay linear
    const line = parseDocument('line.txt', '数据'.repeat(10 * 1024 * 1024 / 3) + '平台等应用“');
    expect(line.report.ok).toBe(true);
  });
});
