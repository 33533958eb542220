/**
 * The typed-array BM25 index answers exactly as the Map-based one it replaced
 * (test/search/bm25-reference.ts): same hits, same order, same scores, same feedback terms and
 * coverage, on the seeds with the dev questions and on random corpora.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { loadConfig } from '../../core/config';
import { Bm25Index } from '../../search/bm25';
import { loadCorpus, nodeName } from '../../search/corpus';
import { normalize, normalizeAligned } from '../../search/normalize';
import { DEFAULT_SETTINGS } from '../../search/settings';
import { addUserWords, charTokens, wordTokens, type Tokenizer } from '../../search/tokenize';
import { EntityLinker } from '../../search/understand';
import { seedStore } from '../../bench/lib/harness';
import { ReferenceBm25 } from './bm25-reference';

type Pair = { typed: Bm25Index; ref: ReferenceBm25 };

function pair(tokenize: Tokenizer, b?: number): Pair {
  return { typed: new Bm25Index(tokenize, { b }), ref: new ReferenceBm25(tokenize, 1.2, b) };
}

function expectSame(p: Pair, terms: Map<string, number>, weights: Record<string, number>, limit?: number): void {
  expect(p.typed.searchWeighted(terms, weights, limit)).toEqual(p.ref.searchWeighted(terms, weights, limit));
}

describe('typed-array BM25 equals the Map-based reference on the seeds', () => {
  const channels: [string, Pair][] = [['word', pair(wordTokens)], ['char', pair(charTokens)]];
  const queriesFile = path.resolve(__dirname, '../../eval/queries-dev.json');
  let questions: string[] = [];

  beforeAll(async () => {
    const corpus = await loadCorpus(await seedStore(loadConfig().seedsDir));
    addUserWords(new EntityLinker(corpus).words());
    for (const t of corpus.tasks) {
      const fields = {
        title: normalizeAligned(t.title),
        text: normalizeAligned(t.body),
        section: normalize(t.section.join(' ')),
        units: normalize(t.units.map((u) => nodeName(corpus.units.get(u.id))).join(' ')),
        apps: normalize(t.apps.map((a) => nodeName(corpus.apps.get(a))).join(' ')),
      };
      for (const [, p] of channels) {
        p.typed.add(t.id, fields);
        p.ref.add(t.id, fields);
      }
    }
    const dev = (JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as { q: string }[]).map((q) => q.q);
    questions = [...dev, ...corpus.tasks.filter((_, i) => i % 5 === 0).map((t) => t.title)].map(normalize);
  });

  test.each(channels)('%s channel: hits, feedback terms and coverage', (_, p) => {
    expect(p.typed.size).toBe(150);
    const all = { title: 1, text: 1, section: 1, units: 1, apps: 1 };
    questions.forEach((q, i) => {
      const tokens = p.typed.tokenize(q);
      const terms = new Map(tokens.map((t) => [t, 1]));
      // an expansion-like tail: tokens of the next question at a lower weight
      for (const t of p.typed.tokenize(questions[(i + 1) % questions.length])) if (!terms.has(t)) terms.set(t, 0.5);
      expectSame(p, terms, DEFAULT_SETTINGS.fields, 100);
      expectSame(p, terms, all);
      expectSame(p, terms, { text: 1 }, 3);
      const top = p.ref.searchWeighted(terms, DEFAULT_SETTINGS.fields, 5).map((h) => h.id);
      expect(p.typed.feedbackTerms(top.slice(0, 3), 10, new Set(tokens))).toEqual(p.ref.feedbackTerms(top.slice(0, 3), 10, new Set(tokens)));
      for (const id of [...top, 'no such task']) expect(p.typed.idfCovered([...new Set(tokens)], id)).toBe(p.ref.idfCovered([...new Set(tokens)], id));
    });
    expect(questions.length).toBeGreaterThan(29);
  });
});

describe('typed-array BM25 equals the reference on random corpora', () => {
  const vocab = ['数', '据', '安', '全', '城', '市', '大', '脑', '应', '急', '的', 'irs', 'app', '5g'];
  const text = fc.array(fc.constantFrom(...vocab, ' '), { maxLength: 40 }).map((a) => a.join(''));
  const doc = fc.record({ title: text, text, extra: text }, { requiredKeys: ['text'] });
  const weight = fc.constantFrom(0, 0.2, 0.5, 1, 1.7);
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...vocab), text), fc.constantFrom(1, 0.5, 0.4, 0, 0.123)), { maxLength: 8 });
  const weights = fc.record({ title: weight, text: weight, extra: weight, absent: weight }, { requiredKeys: [] });
  const limit = fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 12 }));

  test('searchWeighted, feedbackTerms and idfCovered, with documents added between queries', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 30 }), fc.nat(), query, weights, limit, fc.constantFrom(0, 0.75, 1), (docs, cut, q, w, k, b) => {
        const p = pair(charTokens, b);
        const at = docs.length ? cut % docs.length : 0;
        const check = () => {
          const terms = new Map(q.flatMap(([t, qw]) => charTokens(t).map((x) => [x, qw] as const)));
          expectSame(p, terms, w, k);
          const ids = p.ref.searchWeighted(terms, w, 3).map((h) => h.id);
          expect(p.typed.feedbackTerms(ids, 5, new Set(['数']), ['title', 'text', 'extra'])).toEqual(p.ref.feedbackTerms(ids, 5, new Set(['数']), ['title', 'text', 'extra']));
          for (const id of [...ids, 'd0', 'none']) expect(p.typed.idfCovered([...terms.keys()], id)).toBe(p.ref.idfCovered([...terms.keys()], id));
        };
        docs.forEach((d, i) => {
          if (i === at) check(); // a query in the middle freezes; later documents must refreeze
          p.typed.add(`d${i}`, d);
          p.ref.add(`d${i}`, d);
        });
        check();
      }),
      { numRuns: 300 },
    );
  });

  test('term frequencies over 65 535 in one document', () => {
    const p = pair(charTokens);
    for (const [id, t] of [['a', '数'.repeat(70000)], ['b', '数据'], ['c', '据']]) {
      p.typed.add(id, { text: t });
      p.ref.add(id, { text: t });
    }
    expectSame(p, new Map([['数', 1], ['数数', 0.5]]), { text: 1 });
    expect(p.typed.searchTokens(['数数'], { text: 1 })[0].id).toBe('a');
  });
});
