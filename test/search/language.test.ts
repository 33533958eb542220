/**
 * The language data (search/knowledge/language.json) as the search reads it: the lists reach the
 * tokenizer, `match`, the target answers and the corrections, longer words first; a file of
 * another format, version or with a list missing is refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_CHARS, LANGUAGE_FILE, loadLanguage, QUESTION_WORDS, STOPWORDS, TARGET_CUES } from '../../search/knowledge/language';
import { contentChars } from '../../search/match';
import { contentOf } from '../../search/understand';
import { charTokens, wordTokens } from '../../search/tokenize';

test('the question words are removed whole, longest first, English only as whole words', () => {
  expect('这个方案怎么样'.replace(QUESTION_WORDS, ' ')).toBe('这个方案 ');
  expect('whatever how'.replace(QUESTION_WORDS, '|')).toBe('whatever |');
  expect(contentChars('请问有哪些数字化手段？')).toBe(contentChars('数字化手段'));
  expect('2025年要达到什么目标'.replace(TARGET_CUES, '')).toBe('2025');
});

test('stopwords leave both keyword channels; function characters are the file\'s', () => {
  expect(STOPWORDS.has('哪些')).toBe(true);
  expect(wordTokens('哪些数据安全')).not.toContain('哪些');
  expect(charTokens('的数据')).not.toContain('的');
  const file = loadLanguage(LANGUAGE_FILE);
  expect([...FUNCTION_CHARS].join('')).toBe(file.functionChars.chars);
});

test('a language file of another format or version, or with a list missing, is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-lang-'));
  try {
    const good = JSON.parse(fs.readFileSync(LANGUAGE_FILE, 'utf8')) as Record<string, unknown>;
    for (const bad of [{ ...good, format: 'other' }, { ...good, version: 2 }, { ...good, questionWords: { words: [] } }, { ...good, stopchars: {} }, { ...good, planKinds: {} }, { ...good, taskWords: {} }, { ...good, relativeYears: { offsets: { 今年: 'this' } } }, { ...good, roleWords: { lead: ['牵头'] } }]) {
      const f = path.join(dir, 'l.json');
      fs.writeFileSync(f, JSON.stringify(bad));
      expect(() => loadLanguage(f)).toThrow(/kg-language/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('contentOf drops how a question is asked as whole words only, and keeps Latin words and a question that is nothing else', () => {
  const c = contentOf('家门口的小河发黑发臭，政府有没有全天候在测？');
  expect(c).not.toMatch(/有没有|的/);
  expect(c).toContain('小河发黑发臭');
  expect(c).toContain('政府全天候');
  expect(contentOf('现在所有的应用')).toBe('现在所有应用'); // 现在 and 所有 hold 在 and 有, and are no question words
  expect(contentOf('data security 数据安全有哪些')).toBe('data security 数据安全');
  expect(contentOf('有没有呢？')).toBe('有没有呢？');
});
