/**
 * Excel workbooks (.xlsx: a 任务分工表 published as a spreadsheet) read by exceljs: every sheet in
 * order, its name first when the workbook has several, each row a tab-separated line (sheet-rows.ts).
 * A merged cell gives its value to every cell it covers (as a web page's rowspan does: a lead unit
 * over several tasks); a formula gives its result, rich text its text, a date its 年月日.
 * Excel 97–2003's binary .xls is refused with a clear message (save it as .xlsx); an .xls that is a
 * web page (as systems export tables) is read as one.
 */
import ExcelJS from 'exceljs';
import { htmlReader } from './html';
import { sheetLines } from './sheet-rows';
import { IngestFormatError, type FormatReader } from './types';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return text(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  if ('error' in v) return '';
  return '';
}

export const xlsxReader: FormatReader = {
  extensions: ['.xlsx', '.xlsm', '.xls'],
  async extract(bytes, fileName) {
    // an .xls that is really a web page (systems export tables so) is read as one
    if (/^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!doctype html|<html|<table)/i.test(bytes.subarray(0, 512).toString('latin1'))) return htmlReader.extract(bytes, fileName);
    if (bytes.subarray(0, 8).equals(OLE)) throw new IngestFormatError(`${fileName}: 旧版 Excel（.xls）不受支持，请另存为 .xlsx / Excel 97–2003 (.xls) is not supported: save it as .xlsx`);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw new IngestFormatError(`${fileName}: 无法读取 Excel 文件 / unreadable workbook: ${(e as Error).message}`);
    }
    const lines: string[] = [];
    const several = wb.worksheets.length > 1;
    for (const ws of wb.worksheets) {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(text(row.getCell(c).value));
        rows.push(cells);
      });
      const own = sheetLines(rows);
      if (own.length && several) lines.push(ws.name);
      lines.push(...own);
    }
    return { lines };
  },
};
