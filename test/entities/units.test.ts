/**
 * Unit identity by grammar on real names of many provinces (test/fixtures/unit-names.json):
 * every name gets its expected canonical key under its plan's region and level, every form of one
 * body shares a key, and the pairs of different bodies never do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unitKey, type UnitContext } from '../../entities/unit-identity';
import { parseUnitName } from '../../entities/unit-grammar';

interface Case { name: string; region: string; level: NonNullable<UnitContext['level']>; canonical: string }
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'unit-names.json'), 'utf8')) as { cases: Case[]; apart: [string, string][] };

test('the fixture holds at least 200 real names', () => {
  expect(new Set(fixture.cases.map((c) => c.name)).size).toBeGreaterThanOrEqual(200);
});

test('every name gets its canonical key under its plan context', () => {
  const wrong = fixture.cases
    .map((c) => ({ ...c, got: unitKey(c.name, { region: c.region, level: c.level }) }))
    .filter((c) => c.got !== c.canonical)
    .map((c) => `${c.name} (${c.region}): ${c.got} ≠ ${c.canonical}`);
  console.log(`unit grammar: ${fixture.cases.length - wrong.length}/${fixture.cases.length} names give their canonical key`);
  expect(wrong).toEqual([]);
});

test('different bodies never share a key (city and province contexts)', () => {
  const merged: string[] = [];
  for (const [a, b] of fixture.apart) {
    for (const ctx of [{ region: '成都市', level: 'city' as const }, { region: '四川省', level: 'province' as const }]) {
      if (unitKey(a, ctx) === unitKey(b, ctx)) merged.push(`${a} = ${b} (${ctx.level})`);
    }
  }
  expect(merged).toEqual([]);
});

test('province 厅 and city 局 stay apart; the region named in a unit is kept unless it is the plan’s', () => {
  expect(unitKey('省人社厅', { region: '四川省', level: 'province' })).not.toBe(unitKey('市人社局', { region: '成都市', level: 'city' }));
  expect(unitKey('嘉兴市发改委', { region: '嘉兴市', level: 'city' })).toBe('市发改委');
  expect(unitKey('平湖市', { region: '嘉兴市', level: 'city' })).toBe('平湖市');
  expect(unitKey('绍兴市发改委', { region: '嘉兴市', level: 'city' })).not.toBe(unitKey('市发改委', { region: '嘉兴市', level: 'city' }));
});

test('the parse: region, level, party, body, type', () => {
  expect(parseUnitName('中共成都市委宣传部')).toMatchObject({ region: '成都市', level: '市', party: true, body: '宣传', type: '部' });
  expect(parseUnitName('市场监督管理局')).toMatchObject({ region: null, level: null, body: '市场监管', type: '局' });
  expect(parseUnitName('市中级人民法院')).toMatchObject({ region: null, level: '市', body: '', type: '法院' });
});
