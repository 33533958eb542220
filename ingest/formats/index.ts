/**
 * File formats: one reader per format behind `FormatReader`, chosen by extension; anything else
 * is read as text (decode.ts refuses binary content).
 */
import path from 'node:path';
import { csvReader } from './csv';
import { docReader } from './doc';
import { docxReader } from './docx';
import { htmlReader } from './html';
import { pdfReader } from './pdf';
import { textReader } from './txt';
import { xlsxReader } from './xlsx';
import type { Extracted, FormatReader } from './types';

export type { Extracted, FormatReader } from './types';
export { IngestFormatError } from './types';

export const READERS: readonly FormatReader[] = [textReader, docxReader, docReader, pdfReader, htmlReader, xlsxReader, csvReader];

/** The reader for a file name (text for an unknown extension). */
export function readerFor(fileName: string): FormatReader {
  const ext = path.extname(fileName).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext)) ?? textReader;
}

/** The text lines of a file's bytes. */
export function extract(fileName: string, bytes: Buffer): Promise<Extracted> {
  return readerFor(fileName).extract(bytes, fileName);
}
