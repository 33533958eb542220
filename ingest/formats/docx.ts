/**
 * Word .docx: mammoth converts it to HTML (paragraphs, headings, tables), read like a web page's
 * article, after Word's automatic numbering is written out as text (word-numbering.ts).
 */
import mammoth from 'mammoth';
import { htmlLines } from './html';
import { numberingAsText } from './word-numbering';
import { IngestFormatError, type FormatReader } from './types';

export const docxReader: FormatReader = {
  extensions: ['.docx'],
  async extract(bytes) {
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: await numberingAsText(bytes) })).value;
    } catch (e) {
      throw new IngestFormatError(`无法读取 Word 文档 / cannot read the .docx file: ${(e as Error).message}`);
    }
    return { lines: await htmlLines(html, false) };
  },
};
