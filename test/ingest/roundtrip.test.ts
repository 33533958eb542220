/**
 * Round trip: plans generated in random numbering styles, clause forms, punctuation widths,
 * scripts, encodings and file formats parse back to the tasks they were written from (path,
 * title, units in order with their roles, deadline).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { Document, Packer, Paragraph } from 'docx';
import { parseBytes, type ParsedDocument } from '../../ingest';
import { fold } from '../../core/fold';

const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
const UNITS = ['市发改委', '市经信局', '市大数据局', '市财政局', '市人社局', '市市场监管局', '市公安局', '市民政局', '市数据管理局', '各区县政府', '市级有关部门', '市政府办公室'];
const TITLES = ['推进政务服务一网通办', '建设城市数据资源体系', '深化营商环境改革', '完善社会治理机制', '提升基层治理能力', '加强网络安全防护', '推动数据开放共享', '优化公共服务供给'];
const BODIES = ['统筹推进相关工作，形成长效机制。', '到2025年底基本建成统一平台。', '完善制度规范，强化考核评估。', '加强部门协同，提升工作实效。'];

type Role = 'lead' | 'co' | 'responsible';
interface Spec {
  title: string;
  body: string;
  units: { raw: string; role: Role }[];
  deadline: string | null;
  form: number;
}

/** One task's responsibility clause in one of the forms plans print; returns the units with the roles they give. */
function clause(form: number, us: string[]): { lines: string[]; inline: string; units: { raw: string; role: Role }[]; deadline: string | null } {
  const [a, ...rest] = us;
  const resp = (xs: string[]) => xs.map((raw) => ({ raw, role: 'responsible' as Role }));
  const leadCo = [{ raw: a, role: 'lead' as Role }, ...rest.map((raw) => ({ raw, role: 'co' as Role }))];
  switch (form) {
    case 0: return { lines: [], inline: `（责任单位：${us.join('、')}）`, units: resp(us), deadline: null };
    case 1: return { lines: [`责任单位：${us.join('、')}`], inline: '', units: resp(us), deadline: null };
    case 2: return { lines: [], inline: rest.length ? `（牵头单位：${a}；配合单位：${rest.join('、')}）` : `（牵头单位：${a}）`, units: leadCo, deadline: null };
    case 3: return { lines: [], inline: rest.length ? `（${a}牵头，${rest.join('、')}配合）` : `（${a}牵头）`, units: leadCo, deadline: null };
    case 4: return { lines: [`牵头单位：${a}`, ...(rest.length ? [`配合单位：${rest.join('、')}`] : []), '完成时限：2025年12月底'], inline: '', units: leadCo, deadline: '2025年12月底' };
    case 5: return { lines: [], inline: `[责任单位：${us.join('、')}；完成时间：2024年6月]`, units: resp(us), deadline: '2024年6月' };
    default: return { lines: [], inline: rest.length ? `(牵头单位:${a};责任单位:${rest.join(',')})` : `(牵头单位:${a})`, units: leadCo, deadline: null };
  }
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  title: fc.constantFrom(...TITLES),
  body: fc.constantFrom(...BODIES),
  units: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }).map((xs) => xs.map((raw) => ({ raw, role: 'responsible' as Role }))),
  deadline: fc.constant(null),
  form: fc.integer({ min: 0, max: 6 }),
});

const planArb = fc.record({
  sections: fc.array(fc.array(specArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  item: fc.constantFrom('1.', '1、', '1．'),
  level2Tasks: fc.boolean(), // tasks numbered （一） directly under 一、, or 1. under （一）
  traditional: fc.boolean(),
  format: fc.constantFrom('utf8', 'gbk', 'crlf', 'md', 'html', 'docx'),
});
type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

const CN = ['一', '二', '三', '四', '五'];

function write(plan: Plan): { lines: string[]; expected: { path: string; title: string; units: { raw: string; role: Role }[]; deadline: string | null }[] } {
  const lines = ['某市推进数字政府建设实施方案', '一、总体要求', '坚持系统观念，统筹推进。'];
  const expected: ReturnType<typeof write>['expected'] = [];
  plan.sections.forEach((tasks, s) => {
    const sec = CN[s + 1];
    lines.push(`${sec}、重点任务${sec}`);
    tasks.forEach((t, i) => {
      const c = clause(t.form, t.units.map((u) => u.raw));
      const marker = plan.level2Tasks ? `（${CN[i]}）` : plan.item.replace('1', String(i + 1));
      if (!plan.level2Tasks && i === 0) lines.push(`（一）主要举措${sec}`);
      lines.push(`${marker}${t.title}。${t.body}${c.inline}`, ...c.lines);
      const p = plan.level2Tasks ? `${sec}.(${CN[i]})` : `${sec}.(一).${i + 1}`;
      expected.push({ path: p, title: t.title, units: c.units, deadline: c.deadline });
    });
  });
  return { lines: plan.traditional ? lines.map((l) => s2t(l)) : lines, expected };
}

async function bytesOf(lines: string[], format: Plan['format']): Promise<{ name: string; bytes: Buffer }> {
  switch (format) {
    case 'gbk': return { name: 'plan.txt', bytes: iconv.encode(lines.join('\n'), 'gbk') };
    case 'crlf': return { name: 'plan.txt', bytes: Buffer.from(lines.join('\r\n')) };
    case 'md': return { name: 'plan.md', bytes: Buffer.from(lines.map((l, i) => (i === 0 ? `# ${l}` : /^[一二三四五]、/.test(l) ? `## ${l}` : l)).join('\n\n')) };
    case 'html': return { name: 'plan.html', bytes: Buffer.from(`<html><body><nav>首页 | 政务公开</nav><article><h1>${lines[0]}</h1>${lines.slice(1).map((l) => `<p>${l.replace(/</g, '&lt;')}</p>`).join('')}</article><footer>版权所有</footer></body></html>`) };
    case 'docx': return { name: 'plan.docx', bytes: await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })) };
    default: return { name: 'plan.txt', bytes: Buffer.from(lines.join('\n')) };
  }
}

const got = (d: ParsedDocument) => d.tasks.map((t) => ({ path: t.path, title: fold(t.title), units: t.units.map((u) => ({ raw: fold(u.raw), role: u.role })), deadline: t.deadline ? fold(t.deadline) : null }));
const want = (e: ReturnType<typeof write>['expected']) => e.map((t) => ({ ...t, title: fold(t.title), units: t.units.map((u) => ({ ...u, raw: fold(u.raw) })), deadline: t.deadline ? fold(t.deadline) : null }));

test('generated plans round-trip through every clause form, numbering style, script, encoding and format', async () => {
  await fc.assert(
    fc.asyncProperty(planArb, async (plan) => {
      const { lines, expected } = write(plan);
      const { name, bytes } = await bytesOf(lines, plan.format);
      const doc = await parseBytes(name, bytes);
      expect(doc.report.ok).toBe(true);
      expect(got(doc)).toEqual(want(expected));
    }),
    { numRuns: 40 },
  );
}, 180_000);

test('a generated plan pasted on one line parses the same', async () => {
  await fc.assert(
    fc.asyncProperty(planArb, async (plan) => {
      const { lines, expected } = write({ ...plan, format: 'utf8' });
      const inlineOnly = lines.every((l) => !/^(?:责任单位|牵头单位|配合单位|完成时限|責任單位|牽頭單位|配合單位|完成時限)/.test(l));
      fc.pre(inlineOnly); // own-line blocks need their line breaks
      const doc = await parseBytes('one-line.txt', Buffer.from(lines.join(' ')));
      expect(got(doc)).toEqual(want(expected));
    }),
    { numRuns: 40 },
  );
});
