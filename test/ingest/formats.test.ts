/**
 * File formats: each FormatReader against its contract, and format parity: the seeds converted to
 * .docx, .html (a government-site page) and .pdf (printed by chromium with a running header,
 * footer and page numbers; scripts/make-format-fixtures.ts) give the same tasks, units, roles,
 * plan and attachment list as the .txt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseBytes, parseFile, type ParsedDocument } from '../../ingest';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { docReader } from '../../ingest/formats/doc';
import { docxReader } from '../../ingest/formats/docx';
import { formatNumber } from '../../ingest/formats/word-numbering';
import { htmlReader } from '../../ingest/formats/html';
import { pdfReader } from '../../ingest/formats/pdf';
import { textReader } from '../../ingest/formats/txt';
import { formatReaderContract } from './format-reader.contract';
import { SEEDS, seedFiles } from './helpers';

const FIXTURES = path.resolve(__dirname, '../fixtures/formats');
const SEED = '001_c58432d889cd2317';
const fixture = (ext: string) => () => fs.readFileSync(path.join(FIXTURES, `${SEED}${ext}`));
const binary = Buffer.concat([Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 7]), Buffer.alloc(256, 0)]);
const TITLE = '绍兴市加快推进数字政府建设实施方案';

formatReaderContract('txt', textReader, () => fs.readFileSync(path.join(SEEDS, `${SEED}.txt`)), TITLE, binary);
formatReaderContract('docx', docxReader, fixture('.docx'), TITLE, Buffer.from('PK\u0003\u0004 not really a zip archive'));
formatReaderContract('html', htmlReader, fixture('.html'), TITLE, binary);
formatReaderContract('pdf', pdfReader, fixture('.pdf'), TITLE, Buffer.from('%PDF-1.7\n1 0 obj broken'));
// the .doc fixtures: the .docx ones saved as Word 97–2003 by LibreOffice (soffice --headless --convert-to doc)
formatReaderContract('doc', docReader, fixture('.doc'), TITLE, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]));

test('a .doc that is really a .docx or a web page (as sites serve them) is read as what it is; other bytes are refused', async () => {
  const asDocx = await parseBytes('plan.doc', fixture('.docx')());
  const asHtml = await parseBytes('plan.doc', fixture('.html')());
  const real = await parseBytes('plan.doc', fixture('.doc')());
  for (const d of [asDocx, asHtml]) {
    expect(d.report.ok).toBe(true);
    expect(d.tasks.map((t) => t.path)).toEqual(real.tasks.map((t) => t.path));
  }
  await expect(docReader.extract(Buffer.from('just some text, not a Word file'), 'x.doc')).rejects.toThrow(/不是 Word 97–2003 文档/);
});

const core = (d: ParsedDocument) => d.tasks.map((t) => ({ path: t.path, title: t.title.replace(/\s+/g, ''), kind: t.kind, units: t.units.map((u) => `${u.raw}:${u.role}`) }));
const plan = (d: ParsedDocument) => ({ title: d.plan.title, issuer: d.plan.issuer, docNumber: d.plan.docNumber, date: d.plan.date, region: d.plan.region, level: d.plan.level, implements: d.plan.implements.map((c) => c.docNumber) });

describe.each(seedFiles())('format parity: %s', (file) => {
  const stem = file.replace(/\.txt$/, '');
  let txt: ParsedDocument;
  beforeAll(async () => {
    txt = await parseFile(path.join(SEEDS, file));
  });

  test.each(['.docx', '.doc', '.html', '.pdf'])('%s gives the same tasks, units, roles, plan and attachment list as the .txt', async (ext) => {
    const name = `${stem}${ext}`;
    const doc = await parseFile(path.join(FIXTURES, name));
    expect(doc.report.ok).toBe(true);
    expect(core(doc)).toEqual(core(txt));
    expect(plan(doc)).toEqual(plan(txt));
    expect(doc.listedApps).toEqual(txt.listedApps);
    expect(doc.plan.sourceFile).toBe(name);
    // provenance: every task's lines (of the extracted text) hold its title
    for (const t of doc.tasks) {
      expect(t.sourceFile).toBe(name);
      expect(doc.lines.slice(t.lineStart - 1, t.lineEnd).join('').replace(/\s+/g, '')).toContain(t.title.replace(/\s+/g, '').slice(0, 8));
      if (ext === '.pdf') expect(t.page).toBeGreaterThanOrEqual(1);
      else expect(t.page).toBeUndefined();
    }
  });
});

test('the web page keeps the article and drops navigation, breadcrumbs, share links and the footer', async () => {
  const doc = await parseFile(path.join(FIXTURES, `${SEED}.html`));
  const text = doc.lines.join('\n');
  expect(text).toContain(TITLE);
  for (const furniture of ['当前位置', '互动交流', '走进本市', '分享到', '打印本页', '相关文章', 'ICP备', '网站标识码', '浏览次数']) expect(text).not.toContain(furniture);
});

test('a short page whose plan is one table keeps every row (Readability alone kept one), and its file name gives the region', async () => {
  const rows = [
    ['1', '推进政策文件库建设，年内实现现行有效规范性文件100%集中公开。', '市政府办公厅', '市司法局'],
    ['2', '深化基层政务公开标准化规范化，覆盖全部街道。', '市政府办公厅', '各区政府'],
    ['3', '办好政府开放日活动，全年不少于12场。', '市政务服务数据管理局', '市级各部门'],
  ];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开工作要点</title></head><body><h1>2023年政务公开工作要点</h1><table>
    <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  const doc = await parseBytes('shenzhen-2023.html', Buffer.from(html));
  expect(doc.report.ok).toBe(true);
  expect(doc.tasks.filter((t) => t.kind === 'task').map((t) => t.title)).toEqual(rows.map((r) => r[1].replace(/。$/, ''))); // a row's task is its title
  expect(doc.plan.region).toBe('深圳市');
  const unitsOf = (i: number) => doc.tasks.filter((t) => t.kind === 'task')[i].units.map((u) => [u.raw, u.role]);
  expect(unitsOf(2)).toEqual([['市政务服务数据管理局', 'lead'], ['市级各部门', 'co']]);
});

test('a task table without a number column: each row is a task of its own, numbered in order', async () => {
  const rows = [
    ['推进政策文件库建设。', '市政府办公厅', '市司法局'],
    ['深化基层政务公开标准化规范化。', '市政务服务数据管理局', '各区政府'],
  ];
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作要点</title></head><body><h1>某市2023年政务公开工作要点</h1><table>
    <tr><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  const doc = await parseBytes('plan.html', Buffer.from(html));
  expect(doc.tasks.map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')}`)).toEqual([
    '1 推进政策文件库建设 市政府办公厅:lead,市司法局:co', '2 深化基层政务公开标准化规范化 市政务服务数据管理局:lead,各区政府:co',
  ]);
});

test('a Word table’s merged cells and cell paragraphs: a cell spanning rows is each row’s, one unit per paragraph is a list', async () => {
  const cell = (text: string, rowSpan?: number) => new TableCell({ rowSpan, children: text.split('\n').map((t) => new Paragraph(t)) });
  const row = (...cells: TableCell[]) => new TableRow({ children: cells });
  const table = new Table({
    rows: [
      row(...['序号', '重点任务', '牵头单位', '配合单位', '完成时限'].map((t) => cell(t))),
      row(cell('1'), cell('推进政务服务事项掌上办理。'), cell('县大数据发展中心', 2), cell('县政务服务中心\n各乡镇（街道）'), cell('2025年6月底')),
      row(cell('2'), cell('建设公共数据平台。\n完善数据共享机制。'), cell('县经信局'), cell('2025年9月底')),
      row(cell('3', 2), cell('建设智慧养老服务平台。', 2), cell('县民政局'), cell('县卫生健康局'), cell('2025年底', 2)),
      row(cell('县医保局'), cell('县财政局')),
    ],
  });
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('某县2025年数字政府建设工作要点'), new Paragraph('一、重点任务'), table] }] }));
  const doc = await parseBytes('plan.docx', bytes);
  expect(doc.tasks.map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')} ${t.deadline ?? ''}`)).toEqual([
    '一.1 推进政务服务事项掌上办理 县大数据发展中心:lead,县政务服务中心:co,各乡镇（街道）:co 2025年6月底',
    '一.2 建设公共数据平台 县大数据发展中心:lead,县经信局:co 2025年9月底', // before: 县经信局 led it and its deadline was lost
    '一.3 建设智慧养老服务平台 县民政局:lead,县卫生健康局:co,县医保局:lead,县财政局:co 2025年底', // its number and task span two rows: one task
  ]);
  expect(doc.tasks[1].body).toBe('完善数据共享机制。');
});

test('a web page’s ordered list reads with the numbers a browser shows (1. and, inside another list, （1）); an item that prints its own keeps it', async () => {
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作要点</title></head><body><h1>某市2024年政务公开工作要点</h1>
    <p>一、重点任务</p><ol><li>推进政策文件库建设。（牵头单位：市政府办公室）</li><li>深化基层政务公开。（牵头单位：市政务服务办）<ol><li>完善标准目录。</li><li>建设公开专区。</li></ol></li></ol>
    <p>二、保障措施</p><ol start="3"><li>3. 加强培训。（责任单位：市委宣传部）</li><li>强化考核。（责任单位：市政府办公室）</li></ol></body></html>`;
  const doc = await parseBytes('plan.html', Buffer.from(html));
  expect(doc.lines).toEqual(expect.arrayContaining(['1. 推进政策文件库建设。（牵头单位：市政府办公室）', '（2）建设公开专区。', '3. 加强培训。（责任单位：市委宣传部）', '4. 强化考核。（责任单位：市政府办公室）']));
  expect(doc.tasks.filter((t) => t.kind === 'task').map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join()}`)).toEqual([
    '1 推进政策文件库建设 市政府办公室:lead', '2 深化基层政务公开 市政务服务办:lead', '3 加强培训 市委宣传部:responsible', '4 强化考核 市政府办公室:responsible',
  ]);
});

describe('Word’s automatic numbering reads as typed (mammoth alone gave bare lists: the outline was lost)', () => {
  const TITLE_LINE = '某市2024年数字政府建设工作要点';
  const SECTIONS: [string, string[]][] = [
    ['提升政务服务能力', ['推进“一网通办”，政务服务事项网上可办率达到100%。（牵头单位：市政务服务办；配合单位：市大数据局）', '建设“一件事”集成服务。（责任单位：市大数据局、市人社局）']],
    ['强化数据支撑', ['建设城市数据仓。（牵头单位：市大数据局）', '推进公共数据开放。（牵头单位：市大数据局；配合单位：市经信局）', '完善数据安全制度。（牵头单位：市委网信办）']],
  ];
  const tasksOf = (d: ParsedDocument) => d.tasks.filter((t) => t.kind === 'task').map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')}`);
  const typed = (lines: string[]) => parseBytes('plan.txt', Buffer.from([TITLE_LINE, ...lines].join('\n')));
  const word = async (levels: { level: number; format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }[], paragraphs: Paragraph[]) =>
    parseBytes('plan.docx', await Packer.toBuffer(new Document({
      numbering: { config: [{ reference: 'plan', levels: levels.map((l) => ({ ...l, alignment: AlignmentType.START })) }] },
      sections: [{ children: [new Paragraph(TITLE_LINE), ...paragraphs] }],
    })));

  test('headings 一、 and tasks 1. of one multi-level list: the same tasks, paths and roles as the typed plan', async () => {
    const doc = await word(
      [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }, { level: 1, format: LevelFormat.DECIMAL, text: '%2.' }],
      SECTIONS.flatMap(([h, items]) => [new Paragraph({ text: h, numbering: { reference: 'plan', level: 0 } }), ...items.map((t) => new Paragraph({ text: t, numbering: { reference: 'plan', level: 1 } }))]),
    );
    const txt = await typed(SECTIONS.flatMap(([h, items], s) => [`${formatNumber(s + 1, 'chineseCounting')}、${h}`, ...items.map((t, i) => `${i + 1}.${t}`)]));
    expect(tasksOf(txt)).toHaveLength(5);
    expect(tasksOf(doc)).toEqual(tasksOf(txt));
    expect(tasksOf(doc)[2]).toMatch(/^二\.1 /);
  });

  test('one list that counts on across typed headings keeps counting (3., not 1., after the second heading)', async () => {
    let n = 0;
    const doc = await word(
      [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }],
      SECTIONS.flatMap(([h, items], s) => [new Paragraph(`${formatNumber(s + 1, 'chineseCounting')}、${h}`), ...items.map((t) => new Paragraph({ text: t, numbering: { reference: 'plan', level: 0 } }))]),
    );
    const txt = await typed(SECTIONS.flatMap(([h, items], s) => [`${formatNumber(s + 1, 'chineseCounting')}、${h}`, ...items.map((t) => `${++n}.${t}`)]));
    expect(tasksOf(doc)).toEqual(tasksOf(txt));
    expect(doc.lines).toContain(`3.${SECTIONS[1][1][0]}`);
  });

  test('numbering a paragraph style carries (a heading style linked to a list) is written out too, and equals the typed plan', async () => {
    const numbering = { config: [{ reference: 'h', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START }, { level: 1, format: LevelFormat.DECIMAL, text: '（%2）', alignment: AlignmentType.START }] }] };
    const styles = { paragraphStyles: [{ id: 'PlanHeading', name: 'Plan Heading', basedOn: 'Normal', paragraph: { numbering: { reference: 'h', level: 0 } } }, { id: 'PlanItem', name: 'Plan Item', basedOn: 'Normal', paragraph: { numbering: { reference: 'h', level: 1 } } }] };
    const children = [new Paragraph(TITLE_LINE), ...SECTIONS.flatMap(([h, items]) => [new Paragraph({ text: h, style: 'PlanHeading' }), ...items.map((t) => new Paragraph({ text: t, style: 'PlanItem' }))])];
    const doc = await parseBytes('plan.docx', await Packer.toBuffer(new Document({ numbering, styles, sections: [{ children }] })));
    const txt = await typed(SECTIONS.flatMap(([h, items], s) => [`${formatNumber(s + 1, 'chineseCounting')}、${h}`, ...items.map((t, i) => `（${i + 1}）${t}`)]));
    expect(doc.lines).toEqual(txt.lines);
    expect(doc.lines).toContain(`（3）${SECTIONS[1][1][2]}`);
  });

  test('the formats plans number with', () => {
    expect([1, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '二十', '二十三']);
    expect([1, 3].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '丙']);
    expect(formatNumber(2, 'decimalEnclosedCircle')).toBe('②');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
  });
});

test('the PDF drops its running header and page numbers, keeps each paragraph whole with its page', async () => {
  const doc = await parseFile(path.join(FIXTURES, `${SEED}.pdf`));
  expect(doc.lines.filter((l) => /^[—-]\s*\d+\s*[—-]$/.test(l.trim()))).toEqual([]);
  expect(doc.lines.filter((l) => l.replace(/\s+/g, '') === TITLE)).toHaveLength(1); // the title, not the running header
  expect(Math.max(...doc.pages!)).toBeGreaterThan(2);
  const txtLines = fs.readFileSync(path.join(SEEDS, `${SEED}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 60);
  const pdfText = new Set(doc.lines.map((l) => l.replace(/\s+/g, '')));
  const whole = txtLines.filter((l) => pdfText.has(l.replace(/\s+/g, ''))).length;
  expect(whole / txtLines.length).toBeGreaterThan(0.9); // wrapped lines joined back into the printed paragraphs
});

describe('a plan whose tasks are one table (scripts/make-format-fixtures.ts task-table): its cells wrap in a PDF', () => {
  // numbered: cells centred vertically, "序" over "号", the header repeated atop page 2, a row broken by the page;
  // unnumbered: no number column, top-aligned; both with the notice's issuer and date set to the right
  const tasksOf = (d: ParsedDocument) => d.tasks.map((t) => ({ path: t.path, title: t.title, kind: t.kind, units: t.units.map((u) => `${u.raw}:${u.role}`), deadline: t.deadline ?? null }));
  let txt: ParsedDocument;
  beforeAll(async () => {
    txt = await parseFile(path.join(FIXTURES, 'task-table.txt'));
  });

  test('the text form: each row a task with its lead and co units and deadline', () => {
    const rows = txt.tasks.filter((t) => t.kind === 'task');
    expect(rows).toHaveLength(14);
    expect(tasksOf(txt)[1]).toMatchObject({ path: '2', units: ['县经信局:lead', '县生态环境分局:co', '县公安局:co', '各乡镇（街道）:co'], deadline: '2025年2月底' });
    expect(plan(txt)).toMatchObject({ title: '安吉县2025年数字政府建设重点任务清单', issuer: '安吉县人民政府办公室', date: '2025-03-12' });
  });

  test.each(['task-table.docx', 'task-table.doc', 'task-table-numbered.pdf', 'task-table-unnumbered.pdf'])('%s gives the same tasks, units, roles, deadlines and plan', async (name) => {
    const doc = await parseFile(path.join(FIXTURES, name));
    expect(doc.report.ok).toBe(true);
    expect(tasksOf(doc)).toEqual(tasksOf(txt));
    expect(plan(doc)).toEqual(plan(txt));
    if (name.endsWith('.pdf')) expect(Math.max(...doc.tasks.map((t) => t.page ?? 0))).toBeGreaterThanOrEqual(2); // the table runs onto page 2
  });
});
