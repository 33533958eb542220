/**
 * Comma-separated tables (a 任务分工表 exported from Excel, often in GBK): decoded like text
 * (decode.ts), parsed by csv-parse (quoted cells with commas and line breaks, a BOM), each row a
 * tab-separated line (sheet-rows.ts).
 */
import { parse } from 'csv-parse/sync';
import { decodeDocument } from '../decode';
import { sheetLines } from './sheet-rows';
import { IngestFormatError, type FormatReader } from './types';

export const csvReader: FormatReader = {
  extensions: ['.csv'],
  async extract(bytes, fileName) {
    const d = decodeDocument(bytes);
    if (!d.ok) throw new IngestFormatError(d.reason);
    let rows: string[][];
    try {
      rows = parse(d.text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }) as string[][];
    } catch (e) {
      throw new IngestFormatError(`${fileName}: CSV 无法解析 / unreadable CSV: ${(e as Error).message}`);
    }
    return { lines: sheetLines(rows), encoding: d.encoding };
  },
};
