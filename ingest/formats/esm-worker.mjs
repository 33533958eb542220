// The format libraries that are ES modules only (pdfjs-dist, linkedom and its css-select) run
// here, in a worker thread, outside any CommonJS loader or test VM. One job per worker:
//   { kind: 'pdf', bytes }                → { ok, pages: [{ width, height, lines: [{ text, x0, x1, y, size }] }] }
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
    return { text, x0, x1: end ?? x0, y: r.y, size: r.size };
  }).filter((l) => l.text.trim() !== '');
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

function walk(n, out) {
  for (const c of Array.from(n.childNodes)) {
    if (c.nodeType === 3) {
      out[out.length - 1] += c.textContent ?? '';
      continue;
    }
    if (c.nodeType !== 1 || SKIP.has(c.nodeName)) continue;
    if (c.nodeName === 'BR') out.push('');
    else if (c.nodeName === 'TR') {
      const cells = Array.from(c.childNodes).filter((x) => x.nodeName === 'TD' || x.nodeName === 'TH').map((x) => {
        const parts = [''];
        walk(x, parts);
        return squash(parts.join(' '));
      });
      out.push(cells.join(' | '), '');
    } else if (c.nodeName === 'OL') {
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
