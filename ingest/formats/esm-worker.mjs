// The format libraries that are ES modules only (pdfjs-dist, linkedom and its css-select) run
// here, in a worker thread, outside any CommonJS loader or test VM. One job per worker:
//   { kind: 'pdf', bytes }                → { ok, pages: [{ width, height, lines: [{ text, x0, x1, y, size, cells: [{ text, x0, x1 }] }] }] }
//   { kind: 'html', html, article: bool } → { ok, lines: string[] }  (article: keep only Readability's article)
import { parentPort, workerData } from 'node:worker_threads';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]/;

function pdfLines(items) {
  const rows = [];
  for (const it of items) {
    if (!it.str || !it.transform) continue;
    const x = it.transform[4];
    const y = it.transform[5];
    const size = Math.abs(it.transform[3]) || it.height || 10;
    let row = rows.find((r) => Math.abs(r.y - y) < size * 0.5);
    if (!row) rows.push((row = { y, size, items: [] }));
    row.items.push({ x, w: it.width, str: it.str, size });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((r) => {
    r.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = null;
    for (const it of r.items) {
      if (it.str.trim() === '') continue; // spacing items: the gap says what they were
      const gap = end === null ? 0 : it.x - end;
      const prev = text[text.length - 1] ?? '';
      if (text && gap > it.size * 0.6) text += '\t'; // a column gap: table cells stay apart
      else if (text && gap > it.size * 0.2 && !(CJK.test(prev) || CJK.test(it.str[0]))) text += ' ';
      text += it.str;
      end = it.x + it.w;
    }
    const x0 = r.items.find((it) => it.str.trim() !== '')?.x ?? r.items[0].x;
    return { text, x0, x1: end ?? x0, y: r.y, size: r.size, cells: cellsOf(r.items) };
  }).filter((l) => l.text.trim() !== '');
}

/** A character's share of a run's width: full-width ones an em, others about half, spaces less. */
const share = (ch) => (/\s/.test(ch) ? 0.3 : CJK.test(ch) ? 1 : 0.55);

/**
 * The runs of ink on a line between gaps (table cells), with their extent; pdf-tables.ts decides
 * which are cells. A narrower gap than the text's tab parts them (a tight table's columns), and
 * so does a space inside one item between two cells that share a baseline ("县经信局 县民政局"):
 * an item is cut at its spaces, each part placed by its characters' shares of the item's width.
 */
function cellsOf(items) {
  const parts = [];
  for (const it of items) {
    const unit = it.w / Math.max(1e-6, [...it.str].reduce((a, ch) => a + share(ch), 0));
    let x = it.x;
    for (const m of it.str.matchAll(/(\s*)(\S+)/g)) {
      x += [...m[1]].reduce((a, ch) => a + share(ch) * unit, 0);
      const w = [...m[2]].reduce((a, ch) => a + share(ch) * unit, 0);
      parts.push({ str: m[2], x, x1: x + w, size: it.size });
      x += w;
    }
  }
  const cells = [];
  for (const p of parts) {
    const cell = cells[cells.length - 1];
    const gap = cell ? p.x - cell.x1 : 0;
    if (!cell || gap > p.size * 0.3) cells.push({ text: p.str, x0: p.x, x1: p.x1 });
    else {
      cell.text += gap > p.size * 0.15 && !(CJK.test(cell.text[cell.text.length - 1]) || CJK.test(p.str[0])) ? ` ${p.str}` : p.str;
      cell.x1 = p.x1;
    }
  }
  return cells;
}

async function pdf(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const view = page.view;
    const content = await page.getTextContent();
    pages.push({ width: view[2] - view[0], height: view[3] - view[1], lines: pdfLines(content.items) });
    page.cleanup();
  }
  await doc.destroy();
  return { ok: true, pages };
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'DL', 'DT', 'DD', 'CENTER', 'FIGURE', 'FIGCAPTION', 'MAIN', 'HEADER', 'FOOTER', 'ADDRESS', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
// page furniture, by element or by class/id
const FURNITURE = 'nav, header, footer, aside, script, style, noscript, form, [role=navigation], [role=banner], [role=contentinfo]';
const FURNITURE_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|sharing|footer|header|sidebar|toolbar|position|location|copyright|related|fenxiang|dqwz)(?:$|[\s_-])/i;

const squash = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();
// an item that prints its own number (a list styled without markers): 1. 1、 （一） 一、 (1) ①
const NUMBERED = /^\s*(?:[(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）.．、]|[①-⑳])/;

/**
 * The number a reader sees before an ordered list's item (<ol>, also Word's automatic numbering,
 * which mammoth gives as <ol>): 1. at the top, （1） inside another list, from `start`/`value`.
 */
function listMarker(li, n) {
  let depth = 0;
  for (let p = li.parentNode?.parentNode; p; p = p.parentNode) if (p.nodeName === 'OL') depth++;
  return depth === 0 ? `${n}. ` : `（${n}）`;
}

// Between a table cell's paragraphs (县政务服务中心 over 各乡镇（街道）): html.ts joins them by what they hold (cell-text.ts).
const CELL_BREAK = '\uE000';
/** Cells still to come from a cell spanning rows (rowspan), by table: one { text, left } per column. */
const spans = new WeakMap();

/**
 * A table row's cells as a reader sees them: a cell that spans rows (a lead unit or deadline
 * merged over several tasks) gives its text to each of them, one that spans columns is followed
 * by empty cells (unless it is the row's only cell: a heading across the table); a cell's
 * paragraphs are kept apart by CELL_BREAK.
 */
function rowCells(tr) {
  let table = tr.parentNode;
  while (table && table.nodeName !== 'TABLE') table = table.parentNode;
  const pending = (table && spans.get(table)) || [];
  const tds = Array.from(tr.childNodes).filter((x) => x.nodeName === 'TD' || x.nodeName === 'TH');
  const out = [];
  const take = () => {
    for (let p = pending[out.length]; p && p.left > 0; p = pending[out.length]) {
      out.push(p.text);
      p.left--;
    }
  };
  for (const td of tds) {
    take();
    const parts = [''];
    walk(td, parts);
    const text = parts.map(squash).filter((x) => x !== '').join(CELL_BREAK);
    const rows = Number.parseInt(td.getAttribute('rowspan') ?? '', 10) || 1;
    const cols = tds.length > 1 ? Math.min(50, Number.parseInt(td.getAttribute('colspan') ?? '', 10) || 1) : 1;
    const at = out.length;
    out.push(text, ...Array(cols - 1).fill(''));
    if (rows > 1) for (let k = 0; k < cols; k++) pending[at + k] = { text: k ? '' : text, left: Math.min(rows, 1000) - 1 };
  }
  take();
  if (table) spans.set(table, pending);
  return out;
}

function walk(n, out) {
  for (const c of Array.from(n.childNodes)) {
    if (c.nodeType === 3) {
      out[out.length - 1] += c.textContent ?? '';
      continue;
    }
    if (c.nodeType !== 1 || SKIP.has(c.nodeName)) continue;
    if (c.nodeName === 'BR') out.push('');
    else if (c.nodeName === 'TR') out.push(rowCells(c).join(' | '), ''); else if (c.nodeName === 'OL') {
      let n = Number.parseInt(c.getAttribute('start') ?? '', 10);
      if (!Number.isFinite(n)) n = 1;
      out.push('');
      for (const li of Array.from(c.childNodes)) {
        if (li.nodeType !== 1 || li.nodeName !== 'LI') {
          walk({ childNodes: [li] }, out);
          continue;
        }
        const value = Number.parseInt(li.getAttribute('value') ?? '', 10);
        if (Number.isFinite(value)) n = value;
        const parts = [''];
        walk(li, parts);
        const own = parts.findIndex((x) => squash(x) !== '');
        if (own >= 0 && !NUMBERED.test(parts[own])) parts[own] = listMarker(li, n) + parts[own].trimStart();
        out.push('', ...parts, '');
        n++;
      }
    } else if (BLOCK.has(c.nodeName)) {
      out.push('');
      walk(c, out);
      out.push('');
    } else walk(c, out);
  }
}

function linesOf(root) {
  const out = [''];
  walk(root, out);
  return out.map(squash).filter((l) => l !== '');
}

async function html(source, article) {
  const { parseHTML } = await import('linkedom');
  const wrapped = /<html/i.test(source) ? source : `<!doctype html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(wrapped);
  if (!article) return { ok: true, lines: linesOf(document.body ?? document.documentElement) };
  const heading = squash(document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, '');
  for (const el of Array.from(document.querySelectorAll(FURNITURE))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (el.tagName !== 'BODY' && FURNITURE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) el.remove();
  }
  let lines = [];
  try {
    const { Readability } = await import('@mozilla/readability');
    const found = new Readability(document.cloneNode(true), { charThreshold: 200 }).parse();
    if (found?.content) lines = linesOf(parseHTML(`<!doctype html><html><body>${found.content}</body></html>`).document.body);
  } catch {
    lines = [];
  }
  // the page without its furniture; Readability's article when it holds most of that text: on a short
  // page whose plan is one table, its best candidate can be a single row, and the other rows were lost
  const page = linesOf(document.body ?? document.documentElement);
  const cjk = (ls) => ls.reduce((n, l) => n + (l.match(/[\u3400-\u9fff]/g) ?? []).length, 0);
  if (cjk(lines) * 2 < cjk(page)) lines = page;
  // Readability lifts the page's heading out of the article: the plan's title goes back on top
  if (heading && !lines.slice(0, 8).some((l) => l.replace(/\s+/g, '').includes(heading))) lines.unshift(heading);
  return { ok: true, lines };
}

const job = workerData;
const run = job.kind === 'pdf' ? pdf(job.bytes) : html(job.html, job.article);
run.then((r) => parentPort.postMessage(r)).catch((e) => parentPort.postMessage({ ok: false, message: String(e && e.message ? e.message : e) }));
