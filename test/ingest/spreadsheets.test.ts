/**
 * Spreadsheets: a 任务分工表 published as .xlsx (built here with exceljs: a title sheet, a table sheet
 * with a lead unit merged over two rows, a date cell, a cell of two lines) or as .csv (GBK, as Excel
 * saves it in China, a quoted cell with a comma and a line break) reads as the same plan with the same
 * tasks, units and deadlines; each reader keeps the FormatReader contract.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseBytes, type ParsedDocument } from '../../ingest';
import { csvReader } from '../../ingest/formats/csv';
import { xlsxReader } from '../../ingest/formats/xlsx';
import { formatReaderContract } from './format-reader.contract';

const TITLE = '某市2026年数字政府建设重点任务分工表';
const HEADER = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'];
const ROWS: string[][] = Array.from({ length: 12 }, (_, i) => [String(i + 1), `推进第${i + 1}项数字化改革任务`, `市大数据局`, '市级各部门', '2026年12月底']);

let xlsx: Buffer;
let csv: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow([TITLE]);
  const ws = wb.addWorksheet('分工表');
  ws.addRow([TITLE]);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  // row 3 (the first task): its lead merged over the next row; its co units two lines in one cell; a date as a date
  ws.getCell('C4').value = null;
  ws.mergeCells('C3:C4');
  ws.getCell('C3').value = '市政务服务局';
  ws.getCell('D3').value = '市公安局\n市市场监管局';
  ws.getCell('E5').value = new Date(Date.UTC(2026, 5, 30));
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const text = [TITLE, HEADER.join(','), ...ROWS.map((r, i) => (i === 0 ? ['1', '"推进一网通办，实现高频事项全程网办"', '市政务服务局', '"市公安局\n市市场监管局"', '2026年6月底'] : r).join(','))].join('\r\n');
  csv = iconv.encode(text, 'gbk');
});

formatReaderContract('xlsx', xlsxReader, () => xlsx, TITLE, Buffer.from('PK\u0003\u0004 not really a zip archive'));
formatReaderContract('csv', csvReader, () => csv, TITLE, Buffer.concat([Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 7]), Buffer.alloc(256, 0)]));

const summary = (d: ParsedDocument) => d.tasks.map((t) => `${t.path} ${t.title} ${t.units.map((u) => `${u.raw}:${u.role}`).join(',')} ${t.deadline ?? ''}`.trim());

test('an .xlsx task table: every row a task with its units and deadline; the merged lead is each row’s, a date reads as 年月日', async () => {
  const doc = await parseBytes('plan.xlsx', xlsx);
  expect(doc.report.ok).toBe(true);
  expect(doc.plan.title).toBe(TITLE);
  expect(doc.tasks).toHaveLength(12);
  expect(summary(doc).slice(0, 3)).toEqual([
    '1 推进第1项数字化改革任务 市政务服务局:lead,市公安局:co,市市场监管局:co 2026年12月底',
    '2 推进第2项数字化改革任务 市政务服务局:lead,市级各部门:co 2026年12月底',
    '3 推进第3项数字化改革任务 市大数据局:lead,市级各部门:co 2026年6月30日',
  ]);
});

test('a GBK .csv task table reads the same way; a quoted cell keeps its comma, a cell of two lines is a list', async () => {
  const doc = await parseBytes('plan.csv', csv);
  expect(doc.report.encoding).toBe('gb18030');
  expect(doc.tasks).toHaveLength(12);
  expect(summary(doc)[0]).toBe('1 推进一网通办，实现高频事项全程网办 市政务服务局:lead,市公安局:co,市市场监管局:co 2026年6月底');
});

test('an Excel 97–2003 .xls is refused with a clear message, an .xls that is a web page is read as one', async () => {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 0)]);
  const refused = await parseBytes('plan.xls', ole);
  expect(refused.report.ok).toBe(false);
  expect(refused.report.error?.message).toMatch(/另存为 \.xlsx/);
  const page = await parseBytes('plan.xls', Buffer.from(`<html><head><meta charset="utf-8"></head><body><table><tr><td>序号</td><td>重点任务</td><td>牵头单位</td></tr><tr><td>1</td><td>建设城市大脑</td><td>市大数据局</td></tr></table></body></html>`));
  expect(summary(page)).toEqual(['1 建设城市大脑 市大数据局:lead']);
});
