/**
 * Task tables flattened to text (cells split by `|` on one line, or one cell per line with `|`
 * lines between them, or tab-separated): "序号 | 重点工作任务 | 牵头单位 | 责任单位 | 完成时限".
 * Each row becomes a numbered line "3.加快建设城西科创大走廊。" followed by one labelled line
 * per unit/deadline column ("责任单位：…"), so the outline and the clause parser read a table
 * like any other plan; a one-cell row ("（一）…牵头重点工作") stays a heading. Linear.
 */
import { fold } from '../core/fold';
import type { Line } from './normalize';

type Column = { kind: 'number' } | { kind: 'task'; head: string } | { kind: 'field'; label: string } | { kind: 'other'; head: string };

const NUMBER_HEAD = /^(?:序号|编号|序|号)$/;
const TASK_HEAD = /任务|工作|内容|事项|举措|措施|项目名称|目标/;
const UNIT_HEAD = /单位|部门/;

function columnOf(head: string): Column {
  const h = fold(head).replace(/\s+/g, '');
  if (NUMBER_HEAD.test(h)) return { kind: 'number' };
  if (/领导/.test(h)) return { kind: 'field', label: '牵头领导' };
  if (UNIT_HEAD.test(h) && /牵头|主责/.test(h)) return { kind: 'field', label: '牵头单位' };
  if (UNIT_HEAD.test(h) && /配合|协同|协办|参与/.test(h)) return { kind: 'field', label: '配合单位' };
  if (UNIT_HEAD.test(h)) return { kind: 'field', label: '责任单位' };
  if (/时限|时间|期限|进度/.test(h)) return { kind: 'field', label: '完成时限' };
  if (TASK_HEAD.test(h)) return { kind: 'task', head: h };
  return { kind: 'other', head: h };
}

interface Cell {
  text: string;
  line: Line;
}

/** A header row: a number or task column and at least one unit column. */
function headerColumns(cells: string[]): Column[] | null {
  if (cells.length < 2 || cells.length > 8) return null;
  const cols = cells.map(columnOf);
  const task = cols.some((c) => c.kind === 'task');
  const unit = cols.some((c) => c.kind === 'field' && /单位/.test(c.label));
  return task && unit ? cols : null;
}

const rowCells = (text: string): string[] => {
  const sep = text.includes('|') ? '|' : '\t';
  const cs = text.split(sep).map((c) => c.trim());
  if (cs[0] === '') cs.shift();
  if (cs.length && cs[cs.length - 1] === '') cs.pop();
  return cs;
};

/** Rows emitted so far in one table: how many tasks, and the last one's number and task. */
interface RowCount {
  rows: number;
  no: string;
  task: string;
}
const newCount = (): RowCount => ({ rows: 0, no: '', task: '' });

/**
 * Emits the lines of one table row. A table without a number column numbers its rows in order:
 * each row is a task of its own, as in a numbered one. A row whose number and task are the last
 * row's (cells spanning rows, given to each by the reader) goes on with that task: its units and
 * deadline are the task's too.
 */
function emitRow(cols: Column[], row: Cell[], out: Line[], count: RowCount): void {
  const noIdx = cols.findIndex((c) => c.kind === 'number');
  const taskIdx = statementColumn(cols);
  const first = row[0].line;
  const last = row[row.length - 1].line;
  const task = taskIdx >= 0 ? (row[taskIdx]?.text ?? '') : '';
  const own = noIdx >= 0 ? (row[noIdx]?.text ?? '') : '';
  const same = task !== '' && task === count.task && own === count.no;
  if (!same) Object.assign(count, { rows: count.rows + 1, no: own, task });
  const no = noIdx >= 0 ? own : String(count.rows);
  const span = (c: Cell | undefined, d: Line) => ({ lineStart: (c ?? { line: d }).line.lineStart, lineEnd: (c ?? { line: d }).line.lineEnd });
  if (!same && (task !== '' || no !== '')) {
    const head = `${no ? `${no}.` : ''}${task}`;
    out.push({ text: head, lineStart: first.lineStart, lineEnd: (row[taskIdx] ?? row[0]).line.lineEnd });
    // the row's other text (the 重点任务 a 具体举措 falls under, a 备注) is the task's, under its column's name
    cols.forEach((c, i) => {
      const cell = row[i];
      if (i === taskIdx || (c.kind !== 'task' && c.kind !== 'other') || !cell || cell.text === '') return;
      // in brackets: a line opening 备注： would end the plan's body
      out.push({ text: `（${c.head}：${cell.text}）`, ...span(cell, last) });
    });
  }
  cols.forEach((c, i) => {
    const cell = row[i];
    if (c.kind !== 'field' || !cell || cell.text === '') return;
    out.push({ text: `${c.label}：${cell.text}`, ...span(cell, last) });
  });
}

/** Which column states the task: of several (重点任务 | 具体举措), the specific one (举措, 措施, 内容), else the last. */
function statementColumn(cols: Column[]): number {
  const tasks = cols.flatMap((c, i) => (c.kind === 'task' ? [i] : []));
  if (tasks.length <= 1) return tasks[0] ?? -1;
  const specific = tasks.filter((i) => /举措|措施|内容|具体|事项/.test((cols[i] as { head: string }).head));
  return specific.length ? specific[specific.length - 1] : tasks[tasks.length - 1];
}

/** Rows from a stream of cells: a number cell starts a row of every column; any other cell is a heading. */
function rowsFromStream(cols: Column[], cells: Cell[], out: Line[], count: RowCount): void {
  const numbered = cols[0].kind === 'number';
  for (let i = 0; i < cells.length; ) {
    if (numbered && !/^\d{1,4}[.、]?$/.test(fold(cells[i].text))) {
      out.push({ text: cells[i].text, lineStart: cells[i].line.lineStart, lineEnd: cells[i].line.lineEnd });
      i++;
      continue;
    }
    const row = cells.slice(i, i + cols.length).map((c, k) => (k === 0 && numbered ? { ...c, text: c.text.replace(/[.、]$/, '') } : c));
    emitRow(cols, row, out, count);
    i += cols.length;
  }
}

/** A cell that can be a column name: short, no numbering, a known column (序号, 重点任务, 牵头单位, 完成时限 …). */
export const isHeadCell = (t: string) => t.length <= 10 && !/^[\d（(]/.test(t) && columnOf(t).kind !== 'other';

const isBar = (t: string) => /^[|｜]$/.test(t);

/** Rewrites every task table among the lines; other lines pass through unchanged. */
export function flattenTables(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    // one cell per line, "|" lines between: gather the header cells first
    if (i + 1 < lines.length && isBar(lines[i + 1].text) && !isBar(l.text)) {
      const cells: Cell[] = [];
      let j = i;
      while (j < lines.length && !isBar(lines[j].text)) {
        cells.push({ text: lines[j].text, line: lines[j] });
        j++;
        if (j < lines.length && isBar(lines[j].text)) j++;
        else break;
      }
      let cols: Column[] | null = null;
      for (let k = 2; k <= Math.min(8, cells.length) && !cols; k++) {
        const c = headerColumns(cells.slice(0, k).map((x) => x.text));
        // the header ends where the next cell no longer names a column
        if (c && (k === cells.length || !isHeadCell(cells[k].text))) cols = c;
      }
      if (cols && cells.length > cols.length) {
        rowsFromStream(cols, cells.slice(cols.length), out, newCount());
        i = j - 1;
        continue;
      }
    }
    // one row per line, cells split by "|" or tabs
    if (/[|\t]/.test(l.text)) {
      const cols = headerColumns(rowCells(l.text));
      if (cols) {
        let j = i + 1;
        const count = newCount();
        // rows, and heading lines between them ("一、提升政务服务水平" followed by more rows)
        const rowAt = (k: number) => k < lines.length && /[|\t]/.test(lines[k].text);
        for (; j < lines.length && (rowAt(j) || (lines[j].text.length <= 60 && rowAt(j + 1))); j++) {
          const cs = rowCells(lines[j].text);
          const cells = cs.map((text) => ({ text, line: lines[j] }));
          if (cs.length === 1) out.push({ ...lines[j], text: cs[0] });
          else rowsFromStream(cols, cells, out, count);
        }
        i = j - 1;
        continue;
      }
    }
    out.push(l);
  }
  return out;
}
