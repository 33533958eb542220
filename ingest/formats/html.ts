/**
 * A web page saved from a government site (.html/.htm): decoded like any text (UTF-8, GB18030…),
 * then the article is kept with Mozilla's Readability on a linkedom DOM (esm-worker.mjs):
 * navigation, breadcrumbs, share links and footers are dropped (the whole page without them when
 * the article holds under half its text); a table row is one line with its cells joined by " | "
 * (a cell spanning rows given to each, a cell's paragraphs joined as a list: cell-text.ts);
 * an ordered list's items carry the numbers a browser shows (1., （1） inside another list).
 */
import { decodeDocument } from '../decode';
import { joinCellBreaks } from './cell-text';
import { runEsmJob } from './esm';
import { IngestFormatError, type FormatReader } from './types';

/** HTML → text lines (`article`: keep only the page's article). */
export async function htmlLines(html: string, article: boolean): Promise<string[]> {
  return (await runEsmJob<{ lines: string[] }>({ kind: 'html', html, article }, 'HTML')).lines.map(joinCellBreaks);
}

export const htmlReader: FormatReader = {
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  async extract(bytes) {
    const decoded = decodeDocument(bytes);
    if (!decoded.ok) throw new IngestFormatError(decoded.reason);
    return { lines: await htmlLines(decoded.text, true), encoding: decoded.encoding };
  },
};
