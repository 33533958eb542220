/**
 * PDF: pdfjs-dist (legacy build, an ES module) runs in a worker thread (esm-worker.mjs), so it
 * loads the same under tsx, node and jest's CommonJS transform. Its positioned text lines are
 * turned into the printed paragraphs here: running headers and footers (lines repeated at the
 * top or bottom of most pages) and page numbers are dropped, and a line that runs to the right
 * margin is joined with the next unindented line, across pages too. A table's rows, their cells
 * wrapped over several lines, are put back together first (pdf-tables.ts). Each paragraph keeps
 * the page it starts on.
 */
import { runEsmJob } from './esm';
import { rebuildTables, type PdfLine } from './pdf-tables';
import { IngestFormatError, type Extracted, type FormatReader } from './types';

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const PAGE_NUMBER = /^(?:[-—–－·\s]*\d{1,4}[-—–－·\s]*|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*[/／]\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;
/** A line's identity across pages: its text without digits (page numbers vary) at its height on the page. */
const key = (l: PdfLine) => `${l.text.replace(/\d+/g, '#').replace(/\s+/g, '')}@${Math.round(l.y / 4)}`;

/** Lines repeated near the top or bottom of most pages (running headers/footers), by their digit-free form. */
function runningLines(pages: PdfPage[]): Set<string> {
  const counts = new Map<string, number>();
  for (const p of pages) {
    const edge = [...p.lines.slice(0, 2), ...p.lines.slice(-2)];
    for (const k of new Set(edge.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const min = Math.max(2, Math.ceil(pages.length * 0.5));
  return new Set([...counts].filter(([, n]) => pages.length >= 2 && n >= min).map(([k]) => k));
}

const SENTENCE_END = /[。！？；：]$/;
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,3}[.．、]|[①-⑳]|附件)/;

/** Paragraphs of the pages: running lines and page numbers out, table rows rebuilt, wrapped lines joined. */
export function paragraphs(pages: PdfPage[]): Extracted {
  const running = runningLines(pages);
  const body = pages.map((p) => p.lines.filter((l, i) => {
    const edge = i < 2 || i >= p.lines.length - 2;
    return !(edge && (running.has(key(l)) || PAGE_NUMBER.test(l.text.trim())));
  }));
  const all = body.flat();
  const left = Math.min(...all.map((l) => l.x0));
  const right = Math.max(...all.map((l) => l.x1));
  const rebuilt = rebuildTables(all, body.flatMap((ls, p) => ls.map(() => p + 1)));
  const lines: string[] = [];
  const pageOf: number[] = [];
  let open = false; // the last paragraph may continue
  rebuilt.lines.forEach((l, k) => {
    const indented = l.x0 > left + l.size * 0.8;
    const text = l.text.trim();
    if (open && !indented && !text.includes('\t') && !lines[lines.length - 1].includes('\t') && !(SENTENCE_END.test(lines[lines.length - 1]) && STARTS_ITEM.test(text))) {
      lines[lines.length - 1] += text;
    } else {
      lines.push(text);
      pageOf.push(rebuilt.pageOf[k]);
    }
    // a line that fills the measure wraps on; one set to the right (a signature, a date) does not
    open = l.x1 >= right - l.size * 1.5 && l.x0 <= left + l.size * 4;
  });
  return { lines, pages: pageOf };
}

export const pdfReader: FormatReader = {
  extensions: ['.pdf'],
  async extract(bytes) {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new IngestFormatError('不是 PDF 文件 / not a PDF file (no %PDF- header)');
    const { pages } = await runEsmJob<{ pages: PdfPage[] }>({ kind: 'pdf', bytes }, 'PDF');
    if (pages.every((p) => p.lines.length === 0)) {
      throw new IngestFormatError('PDF 中没有文字（可能是扫描件）/ the PDF has no text layer (a scan?)');
    }
    return paragraphs(pages);
  },
};
