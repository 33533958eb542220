import * as Q from '../../graph/cypher';
import type { Label, RelType } from '../../graph/model';
import { config } from '../../core/config';
import { LABELS, REL_TYPES } from '../../graph/validate';
import { ingestDirectory } from '../../ingest';
import { cypherProblems } from './cypher-lint';

// Every parameter name the store sends, with a value of the right shape.
const PARAMS = { rows: [], ids: [], types: null, id: 'x', labels: [], batch: 1, dimensions: 384, name: Q.VECTOR_INDEX, space: 'passages', index: Q.spaceIndex('passages'), k: 10, vector: [1, 0], q: '"数据"^1', limit: 10 };

// The graph's own vocabulary, so a misspelt label, type or property key is reported too.
async function schema() {
  const { graph } = await ingestDirectory(config.seedsDir);
  // keys of the graph, of SHOW INDEXES rows, and of the maps the store sends in $rows
  const propertyKeys = new Set(['id', Q.EMBEDDING_PROPERTY, 'name', 'options', 'type', 'indexConfig', 'start', 'end', 'props', 'vector', 'space', 'key', 'vec_passages']);
  for (const x of [...graph.nodes, ...graph.relationships]) for (const k of Object.keys(x.properties)) propertyKeys.add(k);
  return { labels: [...LABELS, Q.NODE_LABEL, Q.VECTOR_LABEL], relationshipTypes: [...REL_TYPES], propertyKeys: [...propertyKeys] };
}

describe('every Cypher statement of graph/cypher.ts passes Neo4j’s parser', () => {
  const statements = Q.allStatements();

  let vocabulary: Awaited<ReturnType<typeof schema>>;
  beforeAll(async () => {
    vocabulary = await schema();
  });

  test.each(statements.map((s) => [s.split('\n').join(' ').slice(0, 90), s]))('%s', (_title, statement) => {
    expect(cypherProblems(statement, PARAMS, vocabulary)).toEqual([]);
  });

  test('the check can fail: the parser flags a broken statement and a parameter nobody sends', () => {
    expect(cypherProblems(Q.GET_NODES.replace('MATCH', 'MATC'), PARAMS).length).toBeGreaterThan(0);
    expect(cypherProblems(Q.GET_NODES, {})).toEqual([expect.stringContaining('$ids')]);
    expect(cypherProblems('MATCH (n) RETURN m')).toEqual([expect.stringContaining('`m` not defined')]);
  });

  test('statements put no value in the text: every literal is a label, type, index name or option', () => {
    const withoutKnown = statements.join('\n').replace(/'cjk'|'cosine'|'VECTOR'|'vector\.dimensions'/g, '');
    expect(withoutKnown).not.toMatch(/'[^']*'|"[^"]*"/);
  });

  test('writes MERGE, never CREATE a node or relationship (re-ingesting changes nothing)', () => {
    const writes = statements.filter((s) => /\bSET\b|\bMERGE\b/.test(s) && !s.startsWith('CREATE'));
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes) expect(w).not.toMatch(/\bCREATE\b/);
  });

  test('label and type slots take only the model’s closed sets', () => {
    expect(() => Q.mergeNodes(['Person' as Label])).toThrow('not a model label');
    expect(() => Q.mergeNodes(['Plan`) DETACH DELETE n //' as Label])).toThrow('not a model label');
    expect(() => Q.mergeRelationships('KNOWS' as RelType)).toThrow('not a model relationship type');
    expect(() => Q.nodesByLabel('Task:Plan' as Label)).toThrow('not a model label');
  });

  afterAll(() => console.log(`cypher: ${statements.length} statements of graph/cypher.ts checked by @neo4j-cypher/language-support`));
});
