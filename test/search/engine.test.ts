import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { MemoryStore } from '../../graph/memory-store';
import { createSearch, type Search } from '../../search';
import { withDefaults } from '../../search/settings';
import { fixtureGraph } from './fixture-graph';
import { HashEmbedder } from './hash-embedder';

const J9 = 'plan:嘉政发〔2022〕18号/9';
const J21 = 'plan:嘉政发〔2022〕18号/21';
const J28 = 'plan:嘉政发〔2022〕18号/28';
const H6 = 'plan:金政发〔2022〕26号/6';
const H8 = 'plan:金政发〔2022〕26号/8';
const H23 = 'plan:金政发〔2022〕26号/23';

describe('search engine on a hand-built graph', () => {
  let dir: string;
  let store: MemoryStore;
  let search: Search;
  const embedder = new HashEmbedder();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-search-'));
    store = new MemoryStore();
    await store.upsert(fixtureGraph());
    search = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: dir }), embedder });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // the embedder, with the texts it was asked to embed as queries
  const recording = () => {
    const asked: string[] = [];
    const spy = Object.assign(Object.create(embedder) as HashEmbedder, {
      embedQuery: (t: string) => {
        asked.push(t);
        return embedder.embedQuery(t);
      },
    });
    return { asked, spy };
  };
  const ids = async (q: string, o = {}) => (await search.search(q, o)).results.map((r) => r.node.id);

  test('a unit with its region is linked and answered completely from the graph, lead first', async () => {
    const res = await search.search('金华市司法局参与哪些数字化工作');
    const unit = res.interpretation.entities.find((e) => e.type === 'unit');
    expect(unit).toMatchObject({ id: 'unit:金华市/市司法局', value: '金华市' });
    expect(res.interpretation.mode).toBe('graph+hybrid');
    expect(res.results.slice(0, 2).map((r) => r.node.id).sort()).toEqual([H6, H8].sort());
    expect(res.results[0].why.graph).toBe(1);
  });

  test('the region in a unit mention picks that region\'s unit, not another city\'s of the same name', async () => {
    const res = await search.search('嘉兴市大数据局');
    expect(res.interpretation.entities.filter((e) => e.type === 'unit').map((e) => e.id)).toEqual(['unit:嘉兴市/市大数据局']);
    expect(res.results.slice(0, 2).map((r) => r.node.id).sort()).toEqual([J21, J28].sort());
  });

  test('"牵头" puts the tasks the unit leads before those it only supports', async () => {
    const res = await search.search('金华市公安局牵头的任务');
    expect(res.interpretation.entities).toContainEqual(expect.objectContaining({ type: 'role', value: 'lead' }));
    expect(res.results[0].node.id).toBe(H8);
  });

  test('regions lift their plans\' tasks; text finds the topic within', async () => {
    expect((await ids('金华的城市大脑'))[0]).toBe(H23);
    expect((await ids('嘉兴的城市大脑'))[0]).toBe(J21);
  });

  test('traditional characters and full-width forms find the simplified text', async () => {
    expect((await ids('數據安全　責任'))[0]).toBe(J28);
  });

  test('filters restrict by plan, unit, application and year', async () => {
    expect(await ids('数字化', { plan: 'plan:金政发〔2022〕26号' })).not.toContain(J9);
    expect(await ids('建设', { unit: 'unit:金华市/市司法局' })).toEqual(expect.arrayContaining([H6, H8]));
    expect((await ids('建设', { unit: 'unit:金华市/市司法局' })).length).toBe(2);
    expect(await ids('建设', { application: 'app:城市大脑' })).toEqual(expect.arrayContaining([J21, H23]));
    expect(await ids('应急 指挥', { year: 2025 })).toEqual([J9]);
  });

  test('results carry why, highlights on the original text and the neighbourhood', async () => {
    const res = await search.search('消防 火灾 预警');
    const top = res.results[0];
    expect(top.node.id).toBe(J9);
    expect(top.why).toEqual(expect.objectContaining({ dense: expect.any(Number), char: expect.any(Number) }));
    const text = String(top.node.properties.text);
    const spans = top.highlights.filter((h) => h.field === 'text').map((h) => text.slice(h.start, h.end));
    expect(spans).toEqual(expect.arrayContaining(['火灾']));
    const labels = top.neighbourhood.nodes.map((n) => n.labels[0]);
    expect(labels).toEqual(expect.arrayContaining(['Task', 'Plan', 'Unit']));
    const role = top.neighbourhood.relationships.find((r) => r.type === 'RESPONSIBLE_FOR');
    expect(role?.properties).toMatchObject({ role: 'responsible' });
    const similar = top.neighbourhood.relationships.filter((r) => r.type === 'SIMILAR_TO');
    expect(similar.length).toBeGreaterThan(0);
    for (const s of similar) expect(s.end.startsWith('plan:金政发')).toBe(true); // other plans only
  });

  test('similar tasks: other plans only, best first; the memo answers as a fresh index and cannot be altered', async () => {
    const tasks = [J9, J21, J28, H6, H8, H23];
    const first = tasks.map((id) => search.engine.similarTo(id, 2));
    first[0][0].score = -1; // callers get copies
    const fresh = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: path.join(dir, 'fresh') }), embedder: new HashEmbedder() });
    const again = [...tasks].reverse().map((id) => search.engine.withSettings(withDefaults()).similarTo(id, 2)).reverse();
    expect(again).toEqual(tasks.map((id) => fresh.engine.similarTo(id, 2)));
    tasks.forEach((id, i) => {
      expect(again[i].map((s) => s.id.split('/')[0])).not.toContain(id.split('/')[0]);
      expect(again[i][0].score).toBeGreaterThanOrEqual(again[i][1].score);
    });
    expect(search.engine.similarTo(J21, 1)).toEqual(again[1].slice(0, 1));
  });

  test('bad input gets typed errors', async () => {
    await expect(search.search('   ')).rejects.toMatchObject({ code: 'QUERY_EMPTY' });
    await expect(search.search('数'.repeat(501))).rejects.toMatchObject({ code: 'QUERY_TOO_LONG' });
    await expect(search.search('数据', { k: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(search.search('数据', { k: 51 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('the query vector is of the question without the regions it names (the graph answers those)', async () => {
    const { asked, spy } = recording();
    const own = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kg-search-q-')) }), embedder: spy });
    const res = await own.search('嘉兴和金华的公共数据平台');
    expect(res.interpretation.entities.filter((e) => e.type === 'region').map((e) => e.id).sort()).toEqual(['嘉兴市', '金华市']);
    expect(asked.at(-1)).not.toMatch(/嘉兴|金华/);
    expect(asked.at(-1)).toContain('公共数据平台');
    await own.search('金华');
    expect(asked.at(-1)).toBe('金华'); // a question that is only a region keeps it
  });

  test('the ranking’s query vector is of what the question asks about; the question as asked is embedded only before the match gate says none', async () => {
    const { asked, spy } = recording();
    const own = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kg-search-c-')) }), embedder: spy, settings: { expandDense: false } });
    const answered = await own.search('政府有没有在建城市大脑吗？');
    expect(answered.match).not.toBe('none');
    expect(asked).toHaveLength(1); // the gate needs no second vector when it does not say none
    expect(asked[0]).not.toMatch(/有没有|吗/);
    expect(asked[0]).toContain('城市大脑');
    asked.length = 0;
    const foreign = await own.search('周末有没有好吃的火锅店吗？');
    expect(foreign.match).toBe('none');
    expect(asked).toHaveLength(2); // before none, the question as asked is measured too
    expect(asked[0]).not.toContain('有没有');
    expect(asked[1]).toContain('有没有');
  });

  test('without an embedder it still searches (keyword + graph) and says so', async () => {
    const plain = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: dir }), embedder: null });
    const res = await plain.search('数据安全');
    expect(res.results[0].node.id).toBe(J28);
    expect(res.interpretation.mode).toBe('keyword');
    expect(res.interpretation.notes.join(' ')).toMatch(/keyword \+ graph only/);
    expect(plain.status()).toMatchObject({ embedder: { active: false }, vectors: 0, keywordDocs: 6 });
  });

  test('a colloquial question finds the task written in official words (expansion), keyword path too', async () => {
    const plain = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: dir }), embedder: null });
    const res = await plain.search('坏人小偷多怎么办');
    expect(res.results[0]?.node.id).toBe(H8); // 治安 防控
    expect(res.interpretation.notes.join(' ')).toMatch(/expanded with: .*治安/);
    const literal = plain.engine.withSettings(withDefaults({ expansion: 0, expandDense: false, rm3: { docs: 3, terms: 10, weight: 0 } }));
    expect((await literal.search('坏人小偷多怎么办')).results.map((r) => r.node.id)).not.toContain(H8);
  });

  test('save persists index and embedding cache; a rebuild reuses both and recomputes nothing', async () => {
    await search.save();
    for (const f of ['vectors.hnsw', 'vectors.hnsw.keys.json', 'embeddings.json', 'meta.json']) expect(fs.existsSync(path.join(dir, 'search', f))).toBe(true);
    const fresh = new HashEmbedder();
    const again = await createSearch({ store, config: loadConfig({ KG_DATA_DIR: dir }), embedder: fresh });
    expect(fresh.texts).toBe(0);
    expect(await again.search('消防 火灾 预警').then((r) => r.results.map((x) => x.node.id))).toEqual(await ids('消防 火灾 预警'));
  });
});
