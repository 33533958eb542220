/**
 * The unit workload view (GET /api/analysis/units/workload) reads a unit's name with the same
 * unit grammar as search, on the seeds with other cities' real plans beside them
 * (eval/other-plans/docs): full names, a plan that names no region, traditional characters.
 */
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { seedStore } from '../../bench/lib/harness';
import { unitWorkload } from '../../analysis/views';
import type { GraphData } from '../../graph/model';

let graph: GraphData;
beforeAll(async () => {
  const config = loadConfig();
  graph = await (await seedStore([config.seedsDir, path.join(config.root, 'eval', 'other-plans', 'docs')])).exportAll();
}, 120_000);

const ids = (name: string) => unitWorkload(graph, name).units.map((u) => u.unit.id);

test('a full name finds the unit a plan prints short (市信息化办公室 = 市信息化办, plan without region)', () => {
  expect(ids('市信息化办公室')).toEqual(['unit:未知地区·07_unknown-city.txt/市信息化办']);
});

test('a region no plan names: the unit of that name in a plan that names no region (上海市信息化办公室)', () => {
  expect(ids('上海市信息化办公室')).toEqual(['unit:未知地区·07_unknown-city.txt/市信息化办']);
});

test('a municipality’s unit in a plan whose file name alone names the region (北京市政府办公厅, 08_beijing.txt)', () => {
  expect(ids('北京市政府办公厅')).toEqual(['unit:北京市/市政府办']);
});

test('a province unit holds the tasks of the plan that prints it in traditional characters', () => {
  const [w] = unitWorkload(graph, '浙江省财政厅').units;
  expect(w.unit.id).toBe('unit:浙江省/省财政厅');
  expect(w.plans.map((p) => p.planId)).toEqual(expect.arrayContaining(['plan:2024年政府工作報告重點工作責任分解']));
});

test('a region-qualified full name stays in its region (金华市市场监督管理局)', () => {
  expect(ids('金华市市场监督管理局')).toEqual(['unit:金华市/市市场监管局']);
});
