/**
 * Acceptance on annotated plans that are not the seeds: the other-plans excerpts (real pages of
 * ten other jurisdictions, eval/other-plans) and the adversarial plans in other provinces' styles
 * (test/fixtures/plans). Scored by bench/lib/ingest-score.ts (width- and script-insensitive).
 * Thresholds are the measured scores (all 1.0 on 2026-12-01) less a small margin.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFile, type ParsedDocument } from '../../ingest';
import { fold } from '../../core/fold';
import { prf, scoreDocument, summarize, type DocScore, type GoldDoc } from '../../bench/lib/ingest-score';

const ROOT = path.resolve(__dirname, '../..');

async function scoreSet(dir: string): Promise<{ scores: DocScore[]; docs: Map<string, ParsedDocument>; golds: GoldDoc[] }> {
  const golds = fs.readdirSync(path.join(dir, 'gold')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8')) as GoldDoc);
  const docs = new Map<string, ParsedDocument>();
  const scores: DocScore[] = [];
  for (const g of golds) {
    const doc = await parseFile(path.join(dir, 'docs', g.file));
    docs.set(g.file, doc);
    scores.push(scoreDocument(doc, g));
  }
  return { scores, docs, golds };
}

function report(name: string, scores: DocScore[]): void {
  const pct = (x: number) => (x * 100).toFixed(1);
  const lines = scores.map((s) => `${s.file}: tasks F1 ${pct(prf(s.tasks).f1)} · units F1 ${pct(prf(s.units).f1)} · roles F1 ${pct(prf(s.roles).f1)} · titles ${s.titles.right}/${s.titles.total} · plan ${Object.entries(s.plan).filter(([, v]) => !v).map(([k]) => `${k}✗`).join(' ') || 'all ✓'}${s.errors.length ? `\n    ${s.errors.slice(0, 8).join('\n    ')}` : ''}`);
  console.log(`${name}\n${lines.join('\n')}`);
}

describe.each([
  ['eval/other-plans (real excerpts of other cities\' plans)', 'eval/other-plans', { f1: 0.97, titles: 0.95, plan: 0.875 }],
  ['test/fixtures/plans (adversarial, other provinces\' styles)', 'test/fixtures/plans', { f1: 0.97, titles: 0.95, plan: 0.8 }],
] as const)('%s', (name, rel, min) => {
  let result: Awaited<ReturnType<typeof scoreSet>>;
  beforeAll(async () => {
    result = await scoreSet(path.join(ROOT, rel));
    report(name, result.scores);
  });

  test('tasks, unit edges and roles reproduce the gold', () => {
    const sum = summarize(result.scores);
    expect(sum.tasks.f1).toBeGreaterThanOrEqual(min.f1);
    expect(sum.units.f1).toBeGreaterThanOrEqual(min.f1);
    expect(sum.roles.f1).toBeGreaterThanOrEqual(min.f1);
    expect(sum.titles).toBeGreaterThanOrEqual(min.titles);
  });

  test('each plan field (title, issuer, document number, date, region, level, implements)', () => {
    const sum = summarize(result.scores);
    for (const [field, share] of Object.entries(sum.plan)) expect({ field, share: share >= min.plan }).toEqual({ field, share: true });
  });

  test('no fragment units and no empty titles, even where the input is cut mid-task', () => {
    for (const doc of result.docs.values()) {
      for (const t of doc.tasks) {
        expect(t.title.length).toBeGreaterThan(0);
        for (const u of t.units) expect(fold(u.raw)).toMatch(/(?:局|委|办|厅|部|院|中心|政府|公司|单位|部门|管委|管委会|室|会|队|所|站|指挥部|[)）])$/u);
      }
    }
  });

  test('deadline and leader fields become task properties, never units', () => {
    for (const g of result.golds) {
      const doc = result.docs.get(g.file)!;
      for (const gt of g.tasks as { path: string; deadline?: string; leader?: string }[]) {
        const t = doc.tasks.find((x) => x.path.replace(/[（）]/g, (c) => (c === '（' ? '(' : ')')) === gt.path || x.path === gt.path);
        if (!t) continue;
        if (gt.deadline) expect({ path: gt.path, deadline: t.deadline }).toEqual({ path: gt.path, deadline: gt.deadline });
        if (gt.leader) expect({ path: gt.path, leader: t.leader }).toEqual({ path: gt.path, leader: gt.leader });
        for (const u of t.units) expect(u.raw).not.toMatch(/时限|时间|领导|^\d{4}年/);
      }
    }
  });
});

test('a document without numbering keeps paragraphs, but no breadcrumb, contact, address or phone line', async () => {
  const doc = await parseFile(path.join(ROOT, 'test/fixtures/plans/docs/notice-no-numbering.txt'));
  expect(doc.report.ok).toBe(true);
  expect(doc.tasks.every((t) => t.kind === 'paragraph')).toBe(true);
  const texts = doc.tasks.map((t) => t.text);
  expect(texts.some((t) => t.includes('请于2024年5月底前报送工作进展'))).toBe(true);
  expect(texts.filter((t) => /首页|电话|地址|版权所有|ICP备/.test(t))).toEqual([]);
  expect(doc.tasks.flatMap((t) => t.units.map((u) => u.raw))).toEqual(['市数据局']);
});
