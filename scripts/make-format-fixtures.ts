/**
 * `npx tsx scripts/make-format-fixtures.ts [task-table]`: writes every seed as a Word document (docx), a web
 * page saved from a government site (html: navigation, breadcrumbs, share links, footer) and a
 * printed PDF (chromium's page.pdf with a running header, a footer and page numbers) into
 * test/fixtures/formats/. The format-parity test checks that each gives the seed's tasks.
 * Also a plan whose tasks are one table (task-table.*): as text, Word and two PDFs whose cells
 * wrap: numbered, cells centred vertically, a narrow number column ("序" over "号"), a header
 * repeated atop each page and a row broken by a page; and without a number column, top-aligned.
 * Needs chromium (CHROMIUM_PATH or /usr/bin/chromium) for the PDFs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = path.join(ROOT, 'seeds');
const OUT = path.join(ROOT, 'test/fixtures/formats');

type Block = { kind: 'heading'; level: number; text: string } | { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

/** A seed's lines as blocks: markdown headings, paragraphs, runs of tab-separated rows as tables. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || /^-{3,}$/.test(line.trim())) continue;
    if (line.includes('\t')) {
      const cells = line.split('\t');
      const last = out[out.length - 1];
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line.trim());
    if (h) out.push({ kind: 'heading', level: h[1].length, text: h[2] });
    else out.push({ kind: 'para', text: line.trim() });
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function articleHtml(bs: Block[]): string {
  return bs.map((b) => {
    if (b.kind === 'heading') return `<h${Math.min(b.level + 1, 6)}>${esc(b.text)}</h${Math.min(b.level + 1, 6)}>`;
    if (b.kind === 'para') return `<p>${esc(b.text)}</p>`;
    const width = Math.max(...b.rows.map((r) => r.length));
    return `<table border="1">${b.rows.map((r) => `<tr>${Array.from({ length: width }, (_, i) => `<td>${esc(r[i] ?? '')}</td>`).join('')}</tr>`).join('')}</table>`;
  }).join('\n');
}

function docxOf(bs: Block[]): Document {
  const children = bs.map((b) => {
    if (b.kind === 'heading') return new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [new TextRun(b.text)] });
    if (b.kind === 'para') return new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun({ text: b.text, font: 'FangSong' })] });
    const width = Math.max(...b.rows.map((r) => r.length));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.rows.map((r) => new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })) })),
    });
  });
  return new Document({ sections: [{ children }] });
}

/** A page as a government site serves it: the plan inside site navigation and furniture. */
function sitePage(title: string, article: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_政府信息公开_人民政府门户网站</title></head>
<body>
<header class="top"><div class="logo">人民政府门户网站</div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本市</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfwj/">政府文件</a> &gt; 正文</div>
<div class="main"><div class="info">发布时间：2022-10-01 &nbsp; 来源：市政府办公室 &nbsp; 浏览次数：1024 &nbsp; 字体：[大 中 小]</div>
<div class="article"><h1>${esc(title)}</h1>
<div class="content">
${article}
</div></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="related"><h3>相关文章</h3><ul><li><a href="/a">关于开展2022年度政务公开工作考核的通知</a></li><li><a href="/b">市政府常务会议研究部署数字化改革工作</a></li></ul></div></div>
<footer class="footer"><p>主办：市人民政府办公室 承办：市大数据发展管理局</p><p>地址：人民大道1号 邮编：314000 电话：0573-82000000</p><p>网站标识码 3304000001 浙ICP备05000000号 浙公网安备 33040202000001号</p></footer>
</body></html>
`;
}

/** The printable form of a plan for the PDF: 公文-like paragraphs with a first-line indent. */
function printable(article: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", serif; font-size: 15pt; line-height: 1.6; }
  p { text-indent: 2em; margin: 0; text-align: justify; }
  h1, h2, h3 { text-align: center; font-size: 18pt; margin: 0.6em 0; }
  table { border-collapse: collapse; width: 100%; font-size: 11pt; } td { border: 1px solid #000; padding: 2pt 4pt; }
</style></head><body>${article}</body></html>`;
}

/** The task-table plan: rows of every length (one-line and four-line tasks, units that fill their column), in two groups. */
function taskTable(): { title: string; lines: string[]; groups: { heading: string; rows: string[][] }[]; front: number } {
  const units = ['县大数据发展中心', '县经信局', '县生态环境分局', '县民政局', '县公安局', '县委网信办', '县卫生健康局', '县自然资源和规划局'];
  const works = [
    '推进政务服务事项掌上办理，新增高频事项100项，实现个人事项掌上可办率达到90%以上。',
    '建设“两山”生态环境智慧监测系统，实现重点水域水质和空气质量实时监测、异常自动预警，监测数据向乡镇（街道）实时推送，形成发现、交办、处置、反馈的闭环管理机制。',
    '深化企业码应用，推动惠企政策“免申即享”。',
    '建设智慧养老服务平台，为独居老人提供线上预约、上门助餐助浴服务。',
    '推进“城市大脑”分平台建设，上线停车诱导、交通信号优化等场景，高峰时段主要道路通行效率提升10%以上，并逐步向乡镇延伸覆盖，实现县域交通运行状态一屏统览。',
    '健全公共数据安全管理制度。',
    '推广互联网医院和检查检验结果互认共享，群众就医少跑腿。',
    '建设国土空间基础信息平台，实现自然资源“一张图”管理。',
  ];
  const groups = ['（一）提升政务服务水平', '（二）推进社会治理数字化'].map((heading, g) => ({
    heading,
    rows: Array.from({ length: 7 }, (_, k) => {
      const i = (g * 7 + k) % works.length;
      const no = String(g * 7 + k + 1);
      const co = i % 3 === 2 ? '' : `${units[(i + 1) % units.length]}、${units[(i + 3) % units.length]}、各乡镇（街道）`;
      return [no, works[i], units[i], co, `2025年${(i % 12) + 1}月底`];
    }),
  }));
  const title = '安吉县2025年数字政府建设重点任务清单';
  // the notice before the plan: its issuer and date set to the right (a PDF line that must not run on into the title)
  const front = ['安政办发〔2025〕9号', `安吉县人民政府办公室关于印发${title}的通知`, '各乡镇人民政府、街道办事处，县政府各部门：', `《${title}》已经县政府同意，现印发给你们，请认真贯彻执行。`, '安吉县人民政府办公室', '2025年3月12日'];
  const lines = [...front, title, '一、工作目标', '到2025年底，政务服务事项“一网通办”率达到95%以上。', '二、重点任务', '序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时间'];
  for (const g of groups) lines.push(g.heading, ...g.rows.map((r) => r.join(' | ')));
  lines.push('三、保障措施', '（一）加强组织领导。县数字化改革领导小组统筹推进各项任务。');
  return { title, lines, groups, front: front.length };
}

async function writeTaskTable(browser: Awaited<ReturnType<typeof chromium.launch>> | null): Promise<void> {
  const { title, lines, groups, front } = taskTable();
  const before = lines.slice(0, front + 4); // the table header is drawn as the table's own
  fs.writeFileSync(path.join(OUT, 'task-table.txt'), `${lines.join('\n')}\n`);
  const head = ['序号', '重点任务', '牵头单位', '配合单位', '完成时间'];
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const docRows = [new TableRow({ tableHeader: true, children: head.map(cell) })];
  for (const g of groups) docRows.push(new TableRow({ children: [new TableCell({ columnSpan: 5, children: [new Paragraph(g.heading)] })] }), ...g.rows.map((r) => new TableRow({ children: r.map(cell) })));
  const right = (i: number) => i >= front - 2 && i < front;
  const after = lines.slice(-2).map((t) => new Paragraph(t));
  fs.writeFileSync(path.join(OUT, 'task-table.docx'), await Packer.toBuffer(new Document({ sections: [{ children: [...before.map((t, i) => new Paragraph({ text: t, alignment: right(i) ? AlignmentType.RIGHT : undefined })), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: docRows }), ...after] }] })));
  if (!browser) return;
  for (const numbered of [true, false]) {
    const cols = numbered ? head : head.slice(1);
    const row = (r: string[]) => `<tr>${(numbered ? r : r.slice(1)).map((c, i) => `<td class="c${numbered ? i : i + 1}">${esc(c)}</td>`).join('')}</tr>`;
    const table = `<table><thead><tr>${cols.map((c, i) => `<th class="c${numbered ? i : i + 1}">${c}</th>`).join('')}</tr></thead><tbody>${groups
      .map((g) => `<tr><td colspan="${cols.length}">${esc(g.heading)}</td></tr>${g.rows.map(row).join('')}`).join('')}</tbody></table>`;
    const css = `body { font-family: "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; font-size: 12pt; line-height: 1.5; } p { margin: 0 0 6pt; }
      table { border-collapse: collapse; width: 100%; font-size: 11pt; } thead { display: table-header-group; } tr { break-inside: auto; }
      th, td { border: 1px solid #000; padding: 1pt 3pt; vertical-align: ${numbered ? 'middle' : 'top'}; } th { text-align: center; }
      .c0 { width: 1.2em; } .c1 { width: 46%; } .c2 { width: 4.2em; }`;
    const para = (t: string, i: number) => (i === 1 || i === front ? `<h1 style="text-align:center;font-size:16pt">${esc(t)}</h1>` : `<p${right(i) ? ' style="text-align:right"' : ''}>${esc(t)}</p>`);
    const body = `${before.map(para).join('')}${table}${lines.slice(-2).map((t) => `<p>${esc(t)}</p>`).join('')}`;
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`, { waitUntil: 'load' });
    await page.pdf({
      path: path.join(OUT, `task-table-${numbered ? 'numbered' : 'unnumbered'}.pdf`),
      format: 'A4',
      margin: { top: '24mm', bottom: '22mm', left: '22mm', right: '20mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">${esc(title)}</div>`,
      footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center;font-family:serif">— <span class="pageNumber"></span> —</div>',
    });
    await page.close();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = fs.existsSync(exe) ? await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] }) : null;
  if (!browser) console.log(`SKIP pdf: no chromium at ${exe}`);
  const only = process.argv[2]; // `task-table`: that plan alone
  for (const f of only === 'task-table' ? [] : seeds) {
    const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
    const bs = blocks(text);
    const stem = f.replace(/\.txt$/, '');
    const title = bs.find((b) => b.kind !== 'table' && /方案|意见|计划|要点/.test(b.text) && !/关于印发|通知/.test(b.text)) as { text: string } | undefined;
    const article = articleHtml(bs);
    fs.writeFileSync(path.join(OUT, `${stem}.docx`), await Packer.toBuffer(docxOf(bs)));
    fs.writeFileSync(path.join(OUT, `${stem}.html`), sitePage(title?.text ?? stem, article));
    if (browser) {
      const page = await browser.newPage();
      await page.setContent(printable(article), { waitUntil: 'load' });
      await page.pdf({
        path: path.join(OUT, `${stem}.pdf`),
        format: 'A4',
        margin: { top: '28mm', bottom: '26mm', left: '26mm', right: '24mm' },
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">${esc(title?.text ?? stem)}</div>`,
        footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center;font-family:serif">— <span class="pageNumber"></span> —</div>',
      });
      await page.close();
    }
    console.log(`wrote ${stem}.{docx,html${browser ? ',pdf' : ''}}`);
  }
  await writeTaskTable(browser);
  console.log(`wrote task-table.{txt,docx${browser ? ',pdf' : ''}}`);
  await browser?.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
