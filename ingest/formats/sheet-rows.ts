/**
 * A spreadsheet's rows as the text lines a task table reads (tables.ts): each row one line, its cells
 * joined by tabs, trailing empty cells dropped, a cell's several lines (Alt+Enter) joined as a cell's
 * paragraphs are (cell-text.ts); an empty row is no line. Shared by the .xlsx and .csv readers.
 */
import { cellBreak } from './cell-text';

const cellText = (cell: string): string =>
  cell
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.replace(/[\t\p{Cc}]/gu, ' ').trim())
    .filter((p) => p !== '')
    .reduce((text, p) => text + cellBreak(text, p) + p, '');

export function sheetLines(rows: string[][]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map(cellText);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c !== '')) out.push(cells.join('\t'));
  }
  return out;
}
