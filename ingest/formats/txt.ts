/** Plain text and markdown: decoded by ingest/decode.ts (UTF-8, UTF-16, GB18030), split into lines. */
import { decodeDocument } from '../decode';
import { splitLines } from '../normalize';
import { IngestFormatError, type FormatReader } from './types';

export const textReader: FormatReader = {
  extensions: ['.txt', '.md', '.markdown', '.text'],
  async extract(bytes) {
    const d = decodeDocument(bytes);
    if (!d.ok) throw new IngestFormatError(d.reason);
    return { lines: splitLines(d.text), encoding: d.encoding };
  },
};
