import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { Bm25Index } from '../../search/bm25';
import { normalize, normalizeAligned } from '../../search/normalize';
import { addUserWords, charTokens, JIEBA_DICTS, wordTokens } from '../../search/tokenize';

describe('normalize', () => {
  test('full width, traditional, case, punctuation and spaces meet the simplified form', () => {
    expect(normalize('數據安全（ＩＲＳ）系統　Data  Security，雲端')).toBe('数据安全 irs 系统 data security 云端');
  });
  test('normalizeAligned keeps offsets', () => {
    const s = '“浙里办”ＡＰＰ，數據①';
    const n = normalizeAligned(s);
    expect(n.length).toBe(s.length);
    expect(n.indexOf('浙里办')).toBe(s.indexOf('浙里办'));
    expect(n.slice(s.indexOf('數據'), s.indexOf('數據') + 2)).toBe('数据');
  });
});

describe('tokenizers', () => {
  test('char channel gives CJK unigrams + bigrams and whole Latin words, without glue characters', () => {
    expect(charTokens('数据安全 irs')).toEqual(['数', '数据', '据', '据安', '安', '安全', '全', 'irs']);
    expect(charTokens('的和')).toEqual([]);
  });
  test('word channel drops question words; the user dictionary keeps graph names whole', () => {
    const q = normalize('哪些任务由浙里办票负责？');
    expect(wordTokens(q)).not.toContain('哪些');
    addUserWords(['浙里办票']);
    expect(wordTokens(q)).toContain('浙里办票');
  });
});

describe('jieba with the one-line IDF table', () => {
  test('cuts every seed line exactly as with the default dictionaries (in a child: jieba is process-wide)', () => {
    expect(JIEBA_DICTS.idfDict).toMatch(/jieba-idf\.utf8$/);
    const seeds = loadConfig().seedsDir;
    const lines = fs.readdirSync(seeds).flatMap((f) => fs.readFileSync(path.join(seeds, f), 'utf8').split('\n')).filter((l) => l.trim());
    const script = `
      const j = require('nodejieba');
      const lines = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      const cut = () => { for (const w of ['市大数据局', '浙里办票']) j.insertWord(w); return lines.map((l) => [j.cutForSearch(l, true), j.cut(l, true)]); };
      j.load(); const plain = cut();
      j.load(${JSON.stringify(JIEBA_DICTS)}); const stub = cut();
      console.log(JSON.stringify({ same: JSON.stringify(plain) === JSON.stringify(stub), tokens: plain.flat(2).length }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..', '..'), input: JSON.stringify(lines) }).toString()) as { same: boolean; tokens: number };
    expect(lines.length).toBeGreaterThan(300);
    expect(out.tokens).toBeGreaterThan(10000);
    expect(out.same).toBe(true);
  });
});

describe('Bm25Index', () => {
  const idx = new Bm25Index(charTokens);
  idx.add('a', { title: '数字孪生水网', text: '建设数字孪生流域，提升防洪能力' });
  idx.add('b', { title: '城市大脑', text: '完善城市大脑数据底座' });
  idx.add('c', { title: '数据安全', text: '健全数据安全责任体系，加强数据加密' });

  test('ranks the document that shares the rare terms first', () => {
    expect(idx.search(normalize('防洪 数字孪生'), { title: 1, text: 1 })[0].id).toBe('a');
    expect(idx.search(normalize('数据安全责任'), { title: 1, text: 1 })[0].id).toBe('c');
  });
  test('field weights matter: a zero-weight field does not score', () => {
    expect(idx.search('底座', { title: 1 })).toEqual([]);
    expect(idx.search('底座', { text: 1 }).map((h) => h.id)).toEqual(['b']);
  });
  test('unknown terms give no hits', () => {
    expect(idx.search('量子', { title: 1, text: 1 })).toEqual([]);
  });
});
