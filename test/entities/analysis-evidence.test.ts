/** Analysis on clean evidence: common applications give no bonus; city → province only within the province and in date order. */
import { isCommonApp } from '../../analysis/pair-score';
import { answersTo } from '../../analysis/implements';
import type { GraphNode } from '../../graph/model';

const plan = (id: string, region: string, date: string | null, level = 'province'): GraphNode => ({ id, labels: ['Plan'], properties: { region, date, level } });

test('an application most plans name is common; one two plans share is evidence', () => {
  expect(isCommonApp(4, 5)).toBe(true);
  expect(isCommonApp(3, 5)).toBe(true);
  expect(isCommonApp(2, 5)).toBe(false);
  expect(isCommonApp(2, 3)).toBe(false);
});

test('a city answers to its own province only, and not to a later plan', () => {
  const city = plan('c', '嘉兴市', '2022-09-09', 'city');
  expect(answersTo(city, plan('p1', '浙江省', '2022-06-01'))).toBe(true);
  expect(answersTo(city, plan('p2', '江苏省', '2022-06-01'))).toBe(false);
  expect(answersTo(city, plan('p3', '浙江省', '2023-01-01'))).toBe(false);
  expect(answersTo(city, plan('p4', '浙江省', null))).toBe(true);
  expect(answersTo(plan('w', '威海市', '2023-03-01', 'city'), plan('p5', '山东省', '2021-01-01'))).toBe(true);
});
