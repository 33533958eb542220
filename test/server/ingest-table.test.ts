/** The `kg ingest` summary table stays aligned whatever script a plan title is in. */
import { formatTable } from '../../cli/commands/ingest';
import type { DocumentSummary } from '../../app/pipeline';
import { clipTo, displayWidth } from '../../cli/text-width';

const row = (planTitle: string | undefined, error?: string): DocumentSummary =>
  ({ file: 'a.txt', planTitle, tasks: 28, measures: 5, units: 51, applications: 116, ok: !error, warnings: [], error: error ? { message: error } : undefined }) as unknown as DocumentSummary;

// The display column where each count (tasks, measures, units, apps) ends.
function numberEnds(line: string): number[] {
  const m = / {2} *(28) {2} *(5) {2} *(51) {2} *(116) {2}/d.exec(line);
  if (!m?.indices) throw new Error(`no counts in ${line}`);
  return m.indices.slice(1).map((span) => displayWidth(line.slice(0, span?.[1])));
}

test('display widths: wide CJK (also outside the BMP), emoji and fullwidth count 2, combining marks 0', () => {
  expect(displayWidth('嘉兴市')).toBe(6);
  expect(displayWidth('𠮷野家')).toBe(6); // U+20BB7 is a surrogate pair
  expect(displayWidth('😀')).toBe(2);
  expect(displayWidth('ＡＢ２０')).toBe(8);
  expect(displayWidth('Cafe\u0301')).toBe(4);
  expect(displayWidth('（2021—2025年）')).toBe(2 + 4 + 1 + 4 + 2 + 2);
});

test('clipping keeps whole characters and fits the width, ellipsis included', () => {
  expect(clipTo('嘉兴市加快推进', 14)).toBe('嘉兴市加快推进');
  expect(clipTo('嘉兴市加快推进', 9)).toBe('嘉兴市加…');
  expect(clipTo('𠮷𠮷𠮷𠮷', 6)).toBe('𠮷𠮷…');
  expect(clipTo('ab😀cd', 4)).toBe('ab…');
});

test('numbers line up after titles in any script, clipped ones included', () => {
  const titles = ['嘉兴市加快推进数字政府建设实施方案', '𠮷野家数字政府𠮷野家数字政府𠮷野家数字政府建设方案', '😀 emoji plan', '２０２０年ＡＢＣ计划', 'Cafe\u0301 plan', '한국어 계획 문서입니다 아주 긴 제목 한국어 계획 문서입니다', undefined];
  const lines = formatTable([...titles.map((t) => row(t)), row('浙江省方案', '文件编码无效 / invalid encoding 𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷')]).split('\n');
  const body = lines.slice(2);
  expect(body).toHaveLength(titles.length + 1);
  const ends = numberEnds(body[0]);
  for (const line of body) expect(numberEnds(line)).toEqual(ends);
  for (const line of body) expect(displayWidth(line.trimEnd())).toBeLessThanOrEqual(displayWidth(lines[1]));
});
