/**
 * English words in Chinese questions (search/glossary.ts), on the real seeds without the model:
 * read as the plans' own words through CC-CEDICT only when they agree with the rest of the
 * question, never for words the plans write in Latin letters, never for an English question the
 * plans have no words for; and what the translations change in the ranking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cedictFile, Glossary, type PlanWords } from '../../search/glossary';
import { withDefaults } from '../../search/settings';
import { seedPipeline } from './seed-pipeline';

const seeds = seedPipeline('kg-glossary-');

const translations = async (q: string) => Object.fromEntries((await seeds.search.search(q)).interpretation.translations.map((t) => [t.from, t.to]));
const titles = async (q: string, n = 3) => (await seeds.search.search(q)).results.slice(0, n).map((r) => `${String(r.node.properties.title)} ${String(r.node.properties.text)}`);

test('English words beside Chinese ones are read as the plan words they agree with', async () => {
  const t = await translations('smart 应急指挥中心 emergency command');
  expect(t.smart).toContain('智能');
  expect(t.emergency).toContain('应急');
  expect(t.command).toContain('指挥');
  const d = await translations('data security 数据安全 responsibility');
  expect(d.responsibility).toContain('责任');
  const r = await seeds.search.search('smart 应急指挥中心 emergency command');
  expect(r.interpretation.notes.join(' ')).toContain('smart → ');
});

test('a question in English only is translated when every word of it is, and then finds its tasks', async () => {
  expect(await translations('environment pollution monitoring')).toMatchObject({ environment: expect.arrayContaining(['环境']), pollution: expect.arrayContaining(['污染']), monitoring: expect.arrayContaining(['监测']) });
  expect((await titles('environment pollution monitoring')).some((t) => t.includes('监测') && t.includes('环境'))).toBe(true);
  // no plan word for "shoes" or "bread": nothing is translated and nothing matches
  for (const q of ['best running shoes 2024', 'how to bake sourdough bread']) {
    const r = await seeds.search.search(q);
    expect(r.interpretation.translations).toEqual([]);
    expect(r.match).toBe('none');
  }
});

test('words the plans themselves write in Latin letters and question words are left as written', async () => {
  expect(await translations('IRS一体化数字资源系统用来干什么')).toEqual({});
  expect(await translations('what is 浙里办')).toEqual({});
});

test('the readings join the question’s keyword terms; with the glossary off they do not', async () => {
  const q = 'smart 应急指挥中心 emergency command';
  expect((await seeds.search.search(q)).interpretation.tokens).toEqual(expect.arrayContaining(['智能', '指挥']));
  const off = seeds.pipeline.search.engine.withSettings(withDefaults({ translate: false }));
  const r = await off.search(q);
  expect(r.interpretation.translations).toEqual([]);
  expect(r.interpretation.tokens).not.toContain('智能');
});

test('agreement: a reading is kept only when a task holds it with another word of the question', () => {
  // plan words of a made-up corpus: 智能 is used with 交通, never with 养老; 聪明 with nothing
  const tasks: Record<string, string[]> = { 智能: ['t1'], 交通: ['t1'], 聪明: ['t2'], 养老: ['t3'] };
  const plan: PlanWords = { tasksWith: (w) => tasks[w]?.length ?? 0, together: (a, b) => !!tasks[a]?.some((t) => tasks[b]?.includes(t)) };
  const g = new Glossary(plan);
  expect(g.translate('smart 交通', ['交通'])).toEqual([{ from: 'smart', to: ['智能'] }]);
  expect(g.translate('smart 养老', ['养老'])).toEqual([]);
});

test('warm() reads the dictionary once, before any question needs it', () => {
  const tasks: Record<string, string[]> = { 智能: ['t1'], 交通: ['t1'] };
  const plan: PlanWords = { tasksWith: (w) => tasks[w]?.length ?? 0, together: (a, b) => !!tasks[a]?.some((t) => tasks[b]?.includes(t)) };
  const file = path.join(seeds.dir, 'cedict.json');
  fs.copyFileSync(cedictFile(), file);
  const g = new Glossary(plan, file);
  g.warm();
  fs.rmSync(file);
  expect(g.translate('smart 交通', ['交通'])).toEqual([{ from: 'smart', to: ['智能'] }]);
});

test('without a readable dictionary the English stays as written and the search goes on', () => {
  const plan: PlanWords = { tasksWith: (w) => (/[a-z]/.test(w) ? 0 : 1), together: () => true };
  const g = new Glossary(plan, path.join(seeds.dir, 'missing', 'cedict.json'));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(g.translate('smart city', [])).toEqual([]);
  expect(String(err.mock.calls[0]?.[0])).toContain('cedict.json');
  err.mockRestore();
});
