import { MemoryStore } from '../../graph/memory-store';
import type { GraphData } from '../../graph/model';
import { planOne, planTwo, T1 } from '../contracts/fixtures';

/** Strings that break naive escaping in CSV, Cypher and XML. */
export const ADVERSARIAL: string[] = [
  '',
  "'",
  '"',
  '\\',
  "\\'",
  "'\\",
  'a\'b"c\\d',
  '\n\r\t\b\f',
  'line1\nline2\r\nline3',
  '\u0000\u0001\u001f\u007f\u0085',
  '\u2028\u2029',
  '😀 emoji 𠀀',
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
  '中文；，。「」《》（一）',
  '// not a comment',
  '/* not a block */',
  'a;b|c¦d',
  '$param {map: 1} `tick`',
  '\\u0041 is not A',
  "'}] AS row MATCH (n) DETACH DELETE n //",
  '<tag attr="x">&amp;</tag> ]]>',
  ',,,"",,',
  '  leading and trailing  ',
];

/** The contract fixtures plus a node and an edge whose every value is adversarial. */
export async function exportGraph(): Promise<GraphData> {
  const store = new MemoryStore();
  await store.upsertMany([planOne(), planTwo()]);
  await store.upsert({
    nodes: [
      {
        id: "unit:嘉兴市/O'Brien \"局\" \\ ;|",
        labels: ['Unit'],
        properties: {
          name: ADVERSARIAL.join(' '),
          aliases: [...ADVERSARIAL.filter((s) => s !== 'a;b|c¦d'), 'x;y'], // ";" taken: the CSV picks "|"
          region: '嘉兴市',
          collective: true,
          'odd key `x` 中': 'value',
          big: 9007199254740991,
          neg: -42,
          ratio: 1e-7,
          scores: [0.5, 2, -1.25],
        },
      },
      ...ADVERSARIAL.map((text, i) => ({ id: `target:adv/${i}`, labels: ['Target' as const], properties: { text, n: i } })),
    ],
    relationships: [{ type: 'RESPONSIBLE_FOR', start: "unit:嘉兴市/O'Brien \"局\" \\ ;|", end: T1, properties: { role: 'co', order: 3, note: ADVERSARIAL[6] } }],
  });
  return store.exportAll();
}
