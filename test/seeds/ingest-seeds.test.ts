import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestDirectory } from '../../ingest';
import { splitLines } from '../../ingest/normalize';
import { parsedSeed, SEEDS, seedFiles } from '../ingest/helpers';

const EXPECTED: Record<string, { tasks: number; measures: number }> = {
  '000_4cb10dc33e04c09c.txt': { tasks: 28, measures: 5 },
  '001_c58432d889cd2317.txt': { tasks: 30, measures: 5 },
  '002_56bfc7e7b2f96d1c.txt': { tasks: 29, measures: 0 },
  '003_a138fc7071c4ec27.txt': { tasks: 36, measures: 0 },
  '004_bb281ce7d484c788.txt': { tasks: 13, measures: 4 },
};

describe('the five seeds', () => {
  test('are all present', () => expect(seedFiles()).toEqual(Object.keys(EXPECTED)));

  test.each(Object.entries(EXPECTED))('%s: task and measure counts', (file, want) => {
    const { report, tasks } = parsedSeed(file);
    expect(report.ok).toBe(true);
    expect({ tasks: report.tasks, measures: report.measures }).toEqual(want);
    expect(tasks).toHaveLength(want.tasks + want.measures);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });

  test.each(seedFiles())('%s: every task\'s original lines hold its title and the start of its text', (file) => {
    const original = splitLines(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
    const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
    for (const t of parsedSeed(file).tasks) {
      expect(t.sourceFile).toBe(file);
      expect(t.lineStart).toBeGreaterThanOrEqual(1);
      expect(t.lineEnd).toBeGreaterThanOrEqual(t.lineStart);
      const span = squash(original.slice(t.lineStart - 1, t.lineEnd).join(''));
      expect(span).toContain(squash(t.title));
      expect(span).toContain(squash(t.text).slice(0, 10));
      // the first line holds the numbering and the title
      expect(squash(original[t.lineStart - 1])).toContain(squash(t.title).slice(0, 6));
    }
  });

  test('continuous numbering gives bare paths, restarting numbering gives full paths', () => {
    expect(parsedSeed('003_a138fc7071c4ec27.txt').tasks.map((t) => t.path).slice(0, 3)).toEqual(['1', '2', '3']);
    const jx2020 = parsedSeed('002_56bfc7e7b2f96d1c.txt').tasks.map((t) => t.path);
    expect(jx2020.slice(0, 4)).toEqual(['二.(一).1', '二.(一).2', '二.(一).3', '二.(二).1']);
    expect(jx2020).toContain('四.(六)');
    expect(parsedSeed('001_c58432d889cd2317.txt').tasks.map((t) => t.path)).toEqual(expect.arrayContaining(['19', '三.(一)', '五.(四)', '六.(五)']));
  });

  test('Shaoxing: "列第一为牵头单位" makes the first unit lead and the rest co', () => {
    const t1 = parsedSeed('001_c58432d889cd2317.txt').tasks[0];
    expect(t1.units[0]).toEqual({ raw: '市大数据局', role: 'lead', order: 1 });
    expect(t1.units.slice(1).every((u) => u.role === 'co')).toBe(true);
    // page-break split "市投资\n\n促进中心" re-joined; the trailing note is not a unit
    expect(t1.units.map((u) => u.raw)).toEqual(expect.arrayContaining(['市投资促进中心', '各区、县（市）政府']));
    expect(t1.units.some((u) => /不再列出|牵头单位/.test(u.raw))).toBe(false);
  });

  test('Jinhua: aliases merge within the region and keep every raw form', () => {
    const doc = parsedSeed('003_a138fc7071c4ec27.txt');
    const unit = (id: string) => doc.graph.nodes.find((n) => n.id === id);
    const hr = unit('unit:金华市/市人社局');
    expect(hr?.properties.aliases).toEqual(expect.arrayContaining(['市人力社保局', '市人社局']));
    const ndrc = unit('unit:金华市/市发改委');
    expect(ndrc?.properties.aliases).toEqual(expect.arrayContaining(['市发改委', '市发改委〔市社建委〕', '市社建委']));
    expect(doc.unitAliases.map((g) => [...g].sort())).toEqual(expect.arrayContaining([['市人力社保局', '市人社局'], ['市发改委', '市发改委〔市社建委〕']]));
  });

  test('different units never merge; collective units are flagged', () => {
    const units = parsedSeed('002_56bfc7e7b2f96d1c.txt').graph.nodes.filter((n) => n.labels.includes('Unit'));
    const names = units.map((u) => u.properties.name as string);
    expect(new Set(names).size).toBe(names.length);
    expect(units.find((u) => u.properties.name === '市级有关单位')?.properties.collective).toBe(true);
    expect(units.find((u) => u.properties.name === '市政务数据办')?.properties.collective).toBe(false);
    for (const a of ['市智慧办', '市品质办', '市治堵办']) expect(names).toContain(a);
  });
});

describe('ingestDirectory', () => {
  test('merges all seeds: shared regions, cited policies and platforms connect plans', async () => {
    const progress: string[] = [];
    const { graph, documents, parseMs } = await ingestDirectory(SEEDS, (_d, _t, f) => progress.push(f));
    expect(progress).toEqual(seedFiles());
    expect(documents.every((d) => d.ok)).toBe(true);
    expect(parseMs).toBeGreaterThan(0);
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const cited = graph.relationships.filter((r) => r.type === 'IMPLEMENTS' && r.end === 'plan:国发〔2022〕14号');
    expect(cited.map((r) => r.start).sort()).toEqual(['plan:嘉政发〔2022〕18号', 'plan:绍政发〔2022〕26号', 'plan:金政发〔2022〕26号']);
    // the Jinhua 市发改委 and the Shaoxing 市发改委 are different units
    expect(ids).toEqual(expect.arrayContaining(['unit:金华市/市发改委', 'unit:绍兴市/市发改委', 'unit:嘉兴市/市发改委']));
    // the two Jiaxing plans share their units
    const jxNdrc = graph.relationships.filter((r) => r.start === 'unit:嘉兴市/市发改委' && r.type === 'RESPONSIBLE_FOR');
    const ends = new Set(jxNdrc.filter((r) => r.end.startsWith('plan:')).map((r) => r.end.split('/')[0]));
    expect(ends).toEqual(new Set(['plan:嘉政发〔2022〕18号', 'plan:2020年嘉兴市政府数字化转型工作实施方案']));
    const zlb = graph.relationships.filter((r) => r.start === 'app:浙里办' && r.type === 'IMPLEMENTS');
    expect(new Set(zlb.map((r) => r.end.split('/')[0])).size).toBeGreaterThanOrEqual(3);
    const lists = graph.relationships.filter((r) => r.type === 'LISTS');
    expect(lists).toHaveLength(70);
    expect(graph.nodes.find((n) => n.id === 'app:城市大脑')?.properties.tier).toBe('重点打造一批');
  });

  test('an unreadable file is reported and every other file is still ingested', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
    try {
      fs.copyFileSync(path.join(SEEDS, '004_bb281ce7d484c788.txt'), path.join(dir, 'a.txt'));
      fs.writeFileSync(path.join(dir, 'b.bin'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 8, 1, 2, 3]));
      fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'c.txt')); // dangling link: ENOENT on read
      const { documents, graph } = await ingestDirectory(dir);
      expect(documents.map((d) => [d.file, d.ok])).toEqual([['a.txt', true], ['b.bin', false], ['c.txt', false]]);
      expect(documents[1].error?.code).toBe('INGEST_FAILED');
      expect(documents[2].error?.message).toMatch(/无法读取|ENOENT/);
      expect(graph.nodes.filter((n) => n.labels.includes('Task'))).toHaveLength(17);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
