/**
 * Tables in a PDF's positioned lines. A PDF prints a table row whose cells wrap as several
 * lines, each holding the pieces of the cells that reach it ("县大数据发" on one line, "展中心"
 * on the next; with cells centred vertically, the row number on a middle line). Read line by
 * line, a row's cells are cut apart and its continuation lines look like paragraphs. Here each
 * row is put back together as one tab-separated line, its cells whole: the form the text-level
 * table reader (ingest/tables.ts) reads like a table of any format.
 *
 * - Columns: the header's labels (lines of short labels, three or more columns, two at least of
 *   the names tables use: 序号, 牵头单位, 完成时限 …; a wrapped label joined: "序" over "号"). A piece of text belongs to the column after every header label that
 *   ends before the piece begins (a cell's text is never left of its own column's label, and no
 *   label reaches into the next column).
 * - Rows: lines follow each other within a row at most the line pitch apart (the closest two
 *   lines of one column; cells top-aligned or centred alike), and a row's cell padding and rule
 *   put its next row further. Two row numbers in one row are cut apart at the widest gap between
 *   them. A row with nothing in the first column (the number, or the task where there is none)
 *   goes on from the row before, and so does the first row of a page whose first line goes on
 *   from full cells (less than a character left, no 。): a row broken by a page. A cell's lines
 *   are joined as they wrap (a line ending short may still wrap: 免申即 / 享” keeps its quote
 *   mark with its word), so units printed one per line run together: ingest/units.ts parts them.
 * - A line with a piece across the columns, in another size of type, or one whose number column
 *   holds no row number, is no row: a group heading spanning the table is kept as it is and the
 *   table goes on if a row follows it; otherwise the table has ended. A header repeated atop a
 *   page (the same labels over the same columns) is dropped; another header starts another table.
 */
import { fold } from '../../core/fold';
import { isHeadCell } from '../tables';

export interface PdfCell {
  text: string;
  x0: number;
  x1: number;
}

/** A positioned line of a PDF page (esm-worker.mjs): its text (column gaps as tabs), extent, baseline and size. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The line's runs of text between column gaps (table cells), from the worker. */
  cells?: PdfCell[];
}

/** A header label: short, no sentence punctuation, not a number. */
const isLabel = (t: string) => t.length > 0 && t.length <= 10 && !/[。，,；;：:]/.test(t) && !/^[\d（(]/.test(t);
const NUMBER_HEAD = /^(?:序号|编号|序|号|No\.?)$/i;
const ROW_NUMBER = /^(?:\d{1,4}|[一二三四五六七八九十]{1,3})[.、．]?$/;
/** A part heading ("三、保障措施"): never a cell's first words in a table without a number column. */
const PART_HEADING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])/;
const SENTENCE_END = /[。！？；;]$/;

interface Column {
  label: string;
  x0: number;
  x1: number;
}

/** A piece of text placed in a column, at its place in the document (page, baseline). */
interface Piece {
  col: number;
  text: string;
  x1: number;
  y: number;
  size: number;
  page: number;
  line: PdfLine;
}


const cellsOf = (l: PdfLine): PdfCell[] => (l.cells ?? [{ text: l.text, x0: l.x0, x1: l.x1 }]).filter((c) => c.text.trim() !== '');

/**
 * The header's columns when line i starts a table, and the line after it: lines of short labels
 * close above each other, three or more columns in all. A label that wraps ("序" over "号",
 * "完成时" over "间", the others centred between them) is joined by where its pieces stand.
 */
function headerAt(lines: PdfLine[], i: number): { cols: Column[]; next: number } | null {
  const cols: Column[] = [];
  let next = i;
  for (; next < lines.length; next++) {
    const l = lines[next];
    if (next > i && (lines[next - 1].y - l.y > l.size * 1.6 || lines[next - 1].y < l.y)) break;
    const pieces = cellsOf(l).map((c) => ({ ...c, text: c.text.trim() }));
    if (!pieces.length || !pieces.every((p) => isLabel(p.text))) break;
    for (const p of pieces) {
      const c = cols.find((x) => p.x0 < x.x1 + l.size * 0.25 && p.x1 > x.x0 - l.size * 0.25);
      if (!c) cols.push({ label: p.text, x0: p.x0, x1: p.x1 });
      else {
        c.label += p.text;
        c.x0 = Math.min(c.x0, p.x0);
        c.x1 = Math.max(c.x1, p.x1);
      }
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  // a header names its columns: two of them at least are the names tables use (序号, 牵头单位, 完成时限 …)
  if (cols.length < 3 || cols.length > 10 || cols.filter((c) => isHeadCell(fold(c.label))).length < 2) return null;
  return { cols, next };
}

/** The column a piece belongs to: after every label that ends before it begins; -1 if it reaches into the next column. */
function columnOf(cols: Column[], p: PdfCell, size: number): number {
  let c = 0;
  while (c + 1 < cols.length && cols[c].x1 <= p.x0 + size * 0.25) c++;
  return c + 1 < cols.length && p.x1 > cols[c + 1].x0 + size * 0.25 ? -1 : c;
}

const joinText = (a: string, b: string) => (a && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

/** The rows of one run of table lines (no heading between them), as tab-separated lines. */
function rowsOf(cols: Column[], numbered: boolean, pieces: Piece[]): { line: PdfLine; page: number }[] {
  if (!pieces.length) return [];
  const right = cols.map((_, c) => Math.max(0, ...pieces.filter((p) => p.col === c).map((p) => p.x1)));
  // the line pitch: the closest two pieces of one column follow each other on a page
  let pitch = Infinity;
  for (let c = 0; c < cols.length; c++) {
    const ps = pieces.filter((p) => p.col === c);
    for (let k = 1; k < ps.length; k++) {
      const gap = ps[k - 1].y - ps[k].y;
      if (ps[k].page === ps[k - 1].page && gap > ps[k].size * 0.5) pitch = Math.min(pitch, gap);
    }
  }
  if (!Number.isFinite(pitch)) pitch = pieces[0].size; // every row one line: any gap parts rows
  /** The piece filled its column's line (less than a character left before the right edge, no sentence's end). */
  const full = (p: Piece) => right[p.col] - p.x1 < p.size * 0.9 && !SENTENCE_END.test(p.text.trim());
  // lines in order; a row ends at a gap wider than the pitch (a cell's padding and rule) or a page
  const lines: Piece[][] = [];
  for (const p of pieces) {
    const last = lines[lines.length - 1];
    if (last && last[0].line === p.line) last.push(p);
    else lines.push([p]);
  }
  const tol = Math.max(0.3, pitch * 0.02);
  let rows: Piece[][][] = [];
  lines.forEach((l, k) => {
    const prev = lines[k - 1];
    if (!prev || l[0].page !== prev[0].page || prev[0].y - l[0].y > pitch + tol) rows.push([l]);
    else rows[rows.length - 1].push(l);
  });
  // two row numbers in one row (rows with no space between them): cut it at the widest gap between them
  if (numbered) {
    rows = rows.flatMap((r) => {
      const out: Piece[][][] = [];
      let rest = r;
      for (;;) {
        const nos = rest.map((l, k) => (l.some((p) => p.col === 0) ? k : -1)).filter((k) => k >= 0);
        if (nos.length < 2) break;
        let cut = nos[0] + 1;
        for (let k = nos[0] + 1; k <= nos[1]; k++) if (rest[k - 1][0].y - rest[k][0].y >= rest[cut - 1][0].y - rest[cut][0].y) cut = k;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      return [...out, rest];
    });
  }
  // the rest of the row before: a row with nothing in the first column (its number, or its task
  // where there is no number), and a row atop a page whose every piece goes on from a full cell
  // of the row before (a row broken by a page)
  const merged: Piece[][] = [];
  for (const r of rows.map((x) => x.flat())) {
    const prev = merged[merged.length - 1];
    // the row before's cell in a column filled its last line
    const fullIn = (col: number) => {
      const last = prev.filter((p) => p.col === col).pop();
      return !!last && full(last);
    };
    const goesOn = prev && (!r.some((p) => p.col === 0)
      || (!numbered && r[0].page > prev[prev.length - 1].page && r.every((p) => p.line !== r[0].line || fullIn(p.col))));
    if (goesOn) prev.push(...r);
    else merged.push(r);
  }
  return merged.map((r) => {
    const texts = cols.map((_, c) => r.filter((p) => p.col === c).reduce((t, p) => joinText(t, p.text.trim()), ''));
    return { line: { text: texts.map((t) => t.replace(/\t/g, ' ')).join('\t'), x0: r[0].line.x0, x1: Math.max(...r.map((p) => p.x1)), y: r[0].y, size: r[0].size }, page: r[0].page };
  });
}

/**
 * The lines with every table's rows rebuilt: the header and one tab-separated line per row, at
 * the position of the row's first line. `lines` run in reading order over all pages; `pageOf`
 * gives each line's page, and the result's `pageOf` those of the lines it returns.
 */
export function rebuildTables(lines: PdfLine[], pageOf: number[]): { lines: PdfLine[]; pageOf: number[] } {
  const out: PdfLine[] = [];
  const pages: number[] = [];
  const push = (l: PdfLine, page: number) => {
    out.push(l);
    pages.push(page);
  };
  for (let i = 0; i < lines.length; ) {
    const head = headerAt(lines, i);
    if (!head) {
      push(lines[i], pageOf[i]);
      i++;
      continue;
    }
    const { cols } = head;
    const numbered = NUMBER_HEAD.test(fold(cols[0].label));
    const headerText = cols.map((c) => c.label).join('\t');
    const size = lines[i].size;
    /** The same header again (atop a new page): the same labels over the same columns. */
    const same = (h: { cols: Column[] } | null) => !!h && h.cols.length === cols.length && h.cols.every((c, k) => c.label === cols[k].label && Math.abs(c.x0 - cols[k].x0) < size);
    push({ ...lines[i], text: headerText, cells: undefined }, pageOf[i]);
    // a line's pieces by column, or null when it is no table line
    const placed = (k: number): Piece[] | null => {
      const l = lines[k];
      // a line in another size of type (a heading between two tables) is none of the table's
      if (!l || Math.abs(l.size - size) > size * 0.2) return null;
      const ps = cellsOf(l).map((p) => ({ col: columnOf(cols, p, l.size), text: p.text, x1: p.x1, y: l.y, size: l.size, page: pageOf[k], line: l }));
      if (!ps.length || ps.some((p) => p.col < 0)) return null;
      const first = ps.filter((p) => p.col === 0).map((p) => fold(p.text.trim()));
      if (numbered ? first.some((t) => !ROW_NUMBER.test(t)) : first.some((t) => PART_HEADING.test(t))) return null;
      return ps;
    };
    let run: Piece[] = [];
    const flush = () => {
      for (const r of rowsOf(cols, numbered, run)) push(r.line, r.page);
      run = [];
    };
    let j = head.next;
    while (j < lines.length) {
      const again = headerAt(lines, j);
      if (again && same(again)) {
        j = again.next; // the header again, atop a new page
        continue;
      }
      if (again) break; // another table's header
      const ps = placed(j);
      if (ps) {
        run.push(...ps);
        j++;
        continue;
      }
      // no row: a heading across the table when a row follows it, else the table's end
      if (!placed(j + 1)) break;
      flush();
      push(lines[j], pageOf[j]);
      j++;
    }
    flush();
    i = j;
  }
  return { lines: out, pageOf: pages };
}
