/**
 * `npx tsx scripts/make-format-fixtures.ts`: writes every seed as a Word document (docx), a web
 * page saved from a government site (html: navigation, breadcrumbs, share links, footer) and a
 * printed PDF (chromium's page.pdf with a running header, a footer and page numbers) into
 * test/fixtures/formats/. The format-parity test checks that each gives the seed's tasks.
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

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = fs.existsSync(exe) ? await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] }) : null;
  if (!browser) console.log(`SKIP pdf: no chromium at ${exe}`);
  for (const f of seeds) {
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
  await browser?.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
