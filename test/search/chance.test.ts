/**
 * The keyword gate on plans of any size (search/chance.ts): few plans hold little of any question
 * by chance, and little of the questions they answer; the coverage under which a question is `none`
 * follows what everyday probe questions reach on the plans loaded, never above the fitted one.
 */
import fs from 'node:fs';
import { chanceLevel, oodProbes } from '../../search/chance';
import { searchOptions } from '../../search/options';
import { keywordSearch, repoDir } from './plan-search';

const questionsOf = (file: string): string[] => {
  const d = JSON.parse(fs.readFileSync(repoDir('eval', file), 'utf8')) as { q: string }[] | { questions: (string | { q: string })[] };
  return (Array.isArray(d) ? d : d.questions).map((x) => (typeof x === 'string' ? x : x.q));
};

test('the probes are everyday questions of their own, none of them an evaluation question', () => {
  const probes = oodProbes();
  expect(probes.length).toBeGreaterThanOrEqual(30);
  const evaluated = new Set(fs.readdirSync(repoDir('eval')).filter((f) => f.endsWith('.json')).flatMap(questionsOf));
  expect(probes.filter((p) => evaluated.has(p))).toEqual([]);
});

test('the chance level is the coverage the given share of probes stays under', () => {
  expect(chanceLevel([0.5, 0.4, 0.3, 0.2, 0.1, 0, 0, 0, 0, 0])).toBe(0.4);
  expect(chanceLevel([0.5, 0.4, 0.3, 0.2, 0.1, 0, 0, 0, 0, 0], 0.5)).toBe(0); // half are at 0
  expect(chanceLevel([0.3, 0.2, 0.1, 0], 0.75)).toBe(0.2);
  expect(chanceLevel([])).toBe(0);
});

describe('one short plan loaded alone (eval/single-plan: 8 tasks)', () => {
  test('the questions it answers are found, everyday ones are still none', async () => {
    const search = await keywordSearch('chance-one', repoDir('eval', 'single-plan', 'docs'));
    // fitted on the seeds alone (0.34), these were none: the plan holds 21–25 % of them
    const fitted = await keywordSearch('chance-fitted', repoDir('eval', 'single-plan', 'docs'), searchOptions({ match: { chanceFactor: 100 } }));
    for (const q of ['在国外的华侨怎么办证', '政府的数据能不能拿来用', '老人在家摔倒了能马上叫到人吗']) {
      expect([q, (await fitted.search(q)).match]).toEqual([q, 'none']);
      const r = await search.search(q);
      expect([q, r.match]).toEqual([q, 'weak']);
      expect(r.results.length).toBeGreaterThan(0);
    }
    const ood = [...questionsOf('queries-ood.json'), ...questionsOf('queries-ood-long.json')];
    const none = (await Promise.all(ood.map((q) => search.search(q)))).filter((r) => r.match === 'none').length;
    expect(none / ood.length).toBeGreaterThanOrEqual(0.9);
  });
});

test('on the seeds the gate is the fitted one: every in- and out-of-domain question gets the same match', async () => {
  const qs = [...questionsOf('queries-dev.json'), ...questionsOf('queries-indomain-extra.json'), ...questionsOf('queries-ood.json'), ...questionsOf('queries-ood-long.json')];
  const chance = await keywordSearch('chance-seeds', repoDir('seeds'));
  const fitted = await keywordSearch('chance-seeds-fitted', repoDir('seeds'), searchOptions({ match: { chanceFactor: 100 } }));
  const differ: string[] = [];
  for (const q of qs) if ((await chance.search(q)).match !== (await fitted.search(q)).match) differ.push(q);
  expect(differ).toEqual([]);
}, 120_000);
