/**
 * Word 97–2003 .doc (the binary format many government sites still attach): word-extractor reads
 * the document's text from its OLE container. A table row comes as its cells separated by tabs,
 * ending in a tab (the row's end mark); a cell holding several paragraphs breaks its row over as
 * many lines ("1\t推进…\t县政务服务中心" / "各乡镇（街道）\t2025年6月底\t"). Those lines are joined back into
 * one row, the cell's paragraphs as cell-text.ts joins them, so the table reads like Word's .docx.
 * A .doc that is really a .docx or a web page (as some sites serve them) is read as what it is.
 */
import WordExtractor from 'word-extractor';
import { cellBreak } from './cell-text';
import { docxReader } from './docx';
import { htmlReader } from './html';
import { IngestFormatError, type FormatReader } from './types';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The body's lines with each table row whole: a row ends with its tab, and starts with a line holding tabs. */
export function docLines(body: string): string[] {
  const out: string[] = [];
  let open = false; // the last line is a row still going on (its cells' paragraphs are on the next lines)
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : '')); // Word's leftover marks, tabs kept
    if (open) {
      const last = out[out.length - 1];
      out[out.length - 1] = last + (last.endsWith('\t') ? '' : cellBreak(last, line)) + line;
    } else out.push(line);
    const text = out[out.length - 1];
    open = text.includes('\t') && !text.endsWith('\t');
  }
  return out.map((l) => l.replace(/\t+$/, '').trim()).filter((l) => l !== '');
}

/** A web page saved as .doc (sites serve Word-flavoured HTML under that name): its first bytes, decoded as Latin-1. */
const HTML_START = /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|MIME-Version:)/i;

export const docReader: FormatReader = {
  extensions: ['.doc'],
  async extract(bytes, fileName) {
    // a .doc that is really a .docx (a zip) or a web page is read as what it is
    if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') return docxReader.extract(bytes, fileName);
    if (HTML_START.test(bytes.subarray(0, 512).toString('latin1'))) return htmlReader.extract(bytes, fileName);
    if (!bytes.subarray(0, 8).equals(OLE)) throw new IngestFormatError('不是 Word 97–2003 文档 / not a Word 97–2003 .doc file (no OLE header)');
    try {
      const doc = await new WordExtractor().extract(bytes);
      // the text as written: by default word-extractor turns “” into ASCII quotes and — into -
      const body = (doc.getBody as (options?: { filterUnicode?: boolean }) => string).call(doc, { filterUnicode: false });
      return { lines: docLines(body) };
    } catch (e) {
      throw new IngestFormatError(`无法读取 Word 文档 / cannot read the .doc file: ${(e as Error).message}`);
    }
  },
};
