/**
 * A table cell's paragraphs as one text: a cell printing one unit per paragraph (县政务服务中心 over
 * 各乡镇（街道）) is a list, so its paragraphs are joined by 、 where one ends without punctuation
 * and the next begins a word; after a sentence's or a list's punctuation nothing is added
 * (建设公共数据平台。完善数据共享机制。), and Latin text gets a space.
 */
const ENDS_CLAUSE = /[。；！？：，、,;:!?]$/;
const CJK_EDGE = /[\u3400-\u9fff）)”」]/;

/** The separator between two paragraphs of one cell. */
export function cellBreak(before: string, after: string): string {
  if (before === '' || after === '' || ENDS_CLAUSE.test(before)) return '';
  return CJK_EDGE.test(before[before.length - 1]) && /^[\u3400-\u9fff（(“「]/.test(after) ? '、' : ' ';
}

/** Paragraph breaks marked in a line (the HTML reader's `\uE000`) → the cell's text. */
export function joinCellBreaks(line: string): string {
  if (!line.includes('\uE000')) return line;
  const parts = line.split('\uE000');
  return parts.reduce((text, p) => text + cellBreak(text, p) + p);
}
