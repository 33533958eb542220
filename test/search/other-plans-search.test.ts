/**
 * Search over the seeds with other cities' real plans loaded beside them (eval/other-plans/docs),
 * keyword + graph only (no model): units printed in traditional characters or in a plan that names
 * no region answer their questions, and a term the question quotes ranks the task that prints it.
 * `npm run eval -- --queries eval/queries-other.json --docs seeds,eval/other-plans/docs` scores the whole set.
 */
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { buildSearch, resultKey, seedStore } from '../../bench/lib/harness';
import type { Search } from '../../search';

let search: Search;
beforeAll(async () => {
  const config = loadConfig({ KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent' });
  const store = await seedStore([config.seedsDir, path.join(config.root, 'eval', 'other-plans', 'docs')]);
  search = await buildSearch(store, config, null);
}, 120_000);

const keys = async (q: string, n: number) => (await search.search(q, { k: n })).results.map(resultKey);

test('a term the question quotes ranks the task that prints it (“链长制”, unquoted in the plan)', async () => {
  expect((await keys('产业链“链长制”是怎么安排的？', 1))[0]).toBe('19_shengsi.txt#二.5');
});

test('a province unit asked in simplified characters finds the tasks a plan prints in traditional ones', async () => {
  const got = await keys('浙江省财政厅牵头或参与了哪些工作？', 6);
  for (const p of ['一.1', '一.2', '一.3', '一.4']) expect(got).toContain(`16_zhejiang.txt#${p}`);
});

test('a unit of a plan that names no region answers its question; a municipality’s bodies are its 市… bodies', async () => {
  const got = await keys('北京市政府办公厅牵头的工作有哪些？', 3);
  expect(got.every((k) => k.startsWith('08_beijing.txt#'))).toBe(true);
  const r = await search.search('北京市政府办公厅牵头的工作有哪些？');
  expect(r.match).toBe('strong');
  expect(r.interpretation.notes.join(' ')).toContain('未写明地区');
});
