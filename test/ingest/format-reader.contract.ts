/**
 * The contract every FormatReader (ingest/formats) keeps, run against each implementation by
 * formats.test.ts: lines without line breaks, no blank-only document for a real plan, pages (when
 * given) 1-based, non-decreasing and one per line, and bad bytes refused with an
 * IngestFormatError carrying a bilingual message (never a crash, never a hang).
 */
import { IngestFormatError, type FormatReader } from '../../ingest/formats';

export function formatReaderContract(name: string, reader: FormatReader, sample: () => Buffer, expectText: string, bad: Buffer): void {
  describe(`FormatReader contract: ${name}`, () => {
    test('declares lower-case extensions with a dot', () => {
      expect(reader.extensions.length).toBeGreaterThan(0);
      for (const e of reader.extensions) expect(e).toMatch(/^\.[a-z]+$/);
    });

    test('extracts text lines (no line breaks inside), the plan text among them', async () => {
      const out = await reader.extract(sample(), `sample${reader.extensions[0]}`);
      expect(out.lines.length).toBeGreaterThan(10);
      for (const l of out.lines) expect(l).not.toMatch(/[\r\n]/);
      expect(out.lines.join('').replace(/\s+/g, '')).toContain(expectText);
    });

    test('pages, when given, are one per line, 1-based and never go back', async () => {
      const out = await reader.extract(sample(), `sample${reader.extensions[0]}`);
      if (!out.pages) return;
      expect(out.pages).toHaveLength(out.lines.length);
      expect(out.pages[0]).toBe(1);
      for (let i = 1; i < out.pages.length; i++) expect(out.pages[i]).toBeGreaterThanOrEqual(out.pages[i - 1]);
    });

    test('bad bytes are refused with IngestFormatError (Chinese and English)', async () => {
      await expect(reader.extract(bad, `bad${reader.extensions[0]}`)).rejects.toBeInstanceOf(IngestFormatError);
      await expect(reader.extract(bad, `bad${reader.extensions[0]}`)).rejects.toThrow(/[\u4e00-\u9fff].*\/ [a-z]/i);
    });
  });
}
