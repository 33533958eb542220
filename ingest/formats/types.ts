/**
 * One interface for every file format: bytes → the document's text lines (decoded once, here),
 * with the page of each line for paged formats. Every reader has the same contract
 * (test/ingest/formats.contract.ts): lines hold no line breaks, pages (when given) are 1-based and
 * one per line, and an unreadable file throws an IngestFormatError with a bilingual message.
 */
export interface Extracted {
  lines: string[];
  pages?: number[]; // pages[i]: the page line i starts on (PDF)
  encoding?: string; // the text encoding, for text formats
}

export interface FormatReader {
  /** Lower-case file extensions with the dot: ".txt". */
  extensions: readonly string[];
  extract(bytes: Buffer, fileName: string): Promise<Extracted>;
}

/** A file this reader cannot read (binary where text was expected, a damaged archive…). */
export class IngestFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestFormatError';
  }
}
