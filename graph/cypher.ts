/**
 * Every Cypher statement the Neo4j store sends, in one place so a test can run each through
 * Neo4j's own parser. Values always travel as parameters; the only text spliced in is a label or
 * relationship type from the closed sets of graph/model.ts, checked here.
 */
import type { Label, RelType } from './model';
import { LABELS, REL_TYPES, isLabel, isRelType } from './validate';

/** Extra label on every node the store writes: one uniqueness constraint makes any id lookup an index seek. */
export const NODE_LABEL = 'KgNode';
export const FULLTEXT_INDEX = 'task_text';
export const VECTOR_INDEX = 'task_embedding';
export const EMBEDDING_PROPERTY = 'embedding';

function label(l: Label): string {
  if (!isLabel(l)) throw new Error(`not a model label: ${String(l)}`);
  return l;
}

function relType(t: RelType): string {
  if (!isRelType(t)) throw new Error(`not a model relationship type: ${String(t)}`);
  return t;
}

const snake = (l: string) => l.replace(/[a-z](?=[A-Z])/g, '$&_').toLowerCase();

/** Constraints and indexes, idempotent (IF NOT EXISTS); each runs in its own transaction. */
export const SCHEMA: readonly string[] = [
  `CREATE CONSTRAINT kg_node_id IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.id IS UNIQUE`,
  ...LABELS.map((l) => `CREATE CONSTRAINT ${snake(l)}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`),
  'CREATE INDEX task_plan IF NOT EXISTS FOR (n:Task) ON (n.planId)',
  'CREATE INDEX task_path IF NOT EXISTS FOR (n:Task) ON (n.path)',
  'CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name)',
  'CREATE INDEX unit_region IF NOT EXISTS FOR (n:Unit) ON (n.region)',
  'CREATE INDEX application_name IF NOT EXISTS FOR (n:Application) ON (n.name)',
  'CREATE INDEX plan_region IF NOT EXISTS FOR (n:Plan) ON (n.region)',
  'CREATE INDEX responsible_role IF NOT EXISTS FOR ()-[r:RESPONSIBLE_FOR]-() ON (r.role)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Task) ON EACH [n.title, n.text] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
];

/** $dimensions (integer): created once the search layer hands over task embeddings. */
export const CREATE_VECTOR_INDEX = `CREATE VECTOR INDEX ${VECTOR_INDEX} IF NOT EXISTS FOR (n:Task) ON (n.${EMBEDDING_PROPERTY}) OPTIONS {indexConfig: {\`vector.dimensions\`: $dimensions, \`vector.similarity_function\`: 'cosine', \`vector.quantization.enabled\`: false}}`;
export const VECTOR_INDEX_DIMENSIONS = `SHOW INDEXES YIELD name, type, options WHERE name = $name AND type = 'VECTOR' RETURN options.indexConfig['vector.dimensions'] AS dimensions`;
export const DROP_VECTOR_INDEX = `DROP INDEX ${VECTOR_INDEX} IF EXISTS`;

/** $rows: [{id, vector}] */
export const SET_EMBEDDINGS = `UNWIND $rows AS row MATCH (n:${NODE_LABEL}:Task {id: row.id}) SET n.${EMBEDDING_PROPERTY} = row.vector RETURN count(n) AS updated`;

// --- search indexes kept in Neo4j (KG_SEARCH_INDEX=neo4j): search/neo4j-vector-index.ts, search/neo4j-fulltext.ts ---

/** Label of the search layer's passage vectors: not a KgNode, so graph counts, exports and clear() never see them. */
export const VECTOR_LABEL = 'KgVector';

/** A vector space's name (a closed, checked identifier: it names a property and an index). */
export function vectorSpace(space: string): string {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(space)) throw new Error(`not a vector space name: ${space}`);
  return space;
}
const spaceProperty = (space: string) => `vec_${vectorSpace(space)}`;
export const spaceIndex = (space: string) => `kg_vector_${vectorSpace(space)}`;

/** $dimensions (integer): the cosine vector index of one space. */
export const createSpaceIndex = (space: string) =>
  `CREATE VECTOR INDEX ${spaceIndex(space)} IF NOT EXISTS FOR (n:${VECTOR_LABEL}) ON (n.${spaceProperty(space)}) OPTIONS {indexConfig: {\`vector.dimensions\`: $dimensions, \`vector.similarity_function\`: 'cosine', \`vector.quantization.enabled\`: false}}`;
export const dropSpaceIndex = (space: string) => `DROP INDEX ${spaceIndex(space)} IF EXISTS`;
export const createSpaceKeyConstraint = () => `CREATE CONSTRAINT kg_vector_key IF NOT EXISTS FOR (n:${VECTOR_LABEL}) REQUIRE (n.space, n.key) IS UNIQUE`;
/** $space, $rows: [{key, vector}] */
export const setSpaceVectors = (space: string) =>
  `UNWIND $rows AS row MERGE (n:${VECTOR_LABEL} {space: $space, key: row.key}) SET n.${spaceProperty(space)} = row.vector`;
/** $space: the keys a space holds. */
export const SPACE_KEYS = `MATCH (n:${VECTOR_LABEL} {space: $space}) RETURN n.key AS key`;
/** $space: removes a space's vectors in slices ($batch). */
export const DELETE_SPACE_SLICE = `MATCH (n:${VECTOR_LABEL} {space: $space}) WITH n LIMIT $batch DELETE n RETURN count(*) AS deleted`;
/** $index, $k (integer), $vector: nearest keys by cosine (Neo4j reports (1 + cos) / 2; the caller maps it back). */
export const QUERY_SPACE = `CALL db.index.vector.queryNodes($index, $k, $vector) YIELD node, score RETURN node.key AS key, score`;

/** Waits (up to 300 s) until every index is ONLINE. */
export const AWAIT_INDEXES = 'CALL db.awaitIndexes(300)';

/** $index (FULLTEXT_INDEX), $q (a Lucene query), $limit (integer): tasks of the cjk fulltext index, best first. */
export const FULLTEXT_TASKS = `CALL db.index.fulltext.queryNodes($index, $q, {limit: $limit}) YIELD node, score RETURN node.id AS id, score`;

/** $ids: the ids among them that are not nodes yet. */
export const MISSING_NODES = `UNWIND $ids AS id OPTIONAL MATCH (n:${NODE_LABEL} {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missing`;

/**
 * $rows: [{id, props}] for nodes that carry exactly `labels`: properties are replaced (the
 * embedding kept), stale model labels removed.
 */
export function mergeNodes(labels: Label[]): string {
  const set = [...new Set(labels.map(label))].sort();
  if (set.length === 0) throw new Error('a node needs a label');
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${NODE_LABEL} {id: row.id})`,
    `WITH n, row, n.${EMBEDDING_PROPERTY} AS kept`,
    `SET n = row.props, n.id = row.id, n.${EMBEDDING_PROPERTY} = kept`,
    `REMOVE n:${LABELS.join(':')}`,
    `SET n:${set.join(':')}`,
  ].join('\n');
}

/** $rows: [{start, end, props}] for relationships of `type`; endpoints must exist. */
export function mergeRelationships(type: RelType): string {
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${NODE_LABEL} {id: row.start})`,
    `MATCH (b:${NODE_LABEL} {id: row.end})`,
    `MERGE (a)-[r:${relType(type)}]->(b)`,
    'SET r = row.props',
  ].join('\n');
}

// The embedding (hundreds of floats) stays in the database: reads blank it out.
const NODE_COLUMNS = (v: string) => `${v}.id AS id, labels(${v}) AS labels, ${v} {.*, ${EMBEDDING_PROPERTY}: null} AS props`;

/** $ids */
export const GET_NODES = `UNWIND $ids AS id MATCH (n:${NODE_LABEL} {id: id}) RETURN ${NODE_COLUMNS('n')}`;

export function nodesByLabel(l: Label): string {
  return `MATCH (n:${label(l)}) RETURN ${NODE_COLUMNS('n')}`;
}

/** $ids, $types (null for all). */
export const RELATIONSHIPS_OF = [
  'UNWIND $ids AS id',
  `MATCH (:${NODE_LABEL} {id: id})-[r]-(:${NODE_LABEL})`,
  'WHERE $types IS NULL OR type(r) IN $types',
  'WITH DISTINCT r',
  'RETURN startNode(r).id AS start, type(r) AS type, endNode(r).id AS end, properties(r) AS props',
].join('\n');

/** $id */
export const TASKS_OF_UNIT = `MATCH (:Unit {id: $id})-[r:RESPONSIBLE_FOR]->(t:Task) RETURN ${NODE_COLUMNS('t')}, properties(r) AS rel`;
export const UNITS_OF_TASK = `MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(:Task {id: $id}) RETURN ${NODE_COLUMNS('u')}, properties(r) AS rel`;
export const APPLICATIONS_OF_TASK = `MATCH (a:Application)-[:IMPLEMENTS]->(:Task {id: $id}) RETURN ${NODE_COLUMNS('a')}`;
export const TASKS_OF_APPLICATION = `MATCH (:Application {id: $id})-[:IMPLEMENTS]->(t:Task) RETURN ${NODE_COLUMNS('t')}`;

/** $labels */
export const COUNT_NODES = `MATCH (n:${NODE_LABEL}) UNWIND labels(n) AS label WITH label WHERE label IN $labels RETURN label, count(*) AS count`;
export const COUNT_RELATIONSHIPS = `MATCH (:${NODE_LABEL})-[r]->(:${NODE_LABEL}) RETURN type(r) AS type, count(*) AS count`;

export const ALL_NODES = `MATCH (n:${NODE_LABEL}) RETURN ${NODE_COLUMNS('n')}`;
export const ALL_RELATIONSHIPS = `MATCH (a:${NODE_LABEL})-[r]->(b:${NODE_LABEL}) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props`;

/** $batch (integer): deletes in slices so a large graph never needs one huge transaction. */
export const DELETE_SLICE = `MATCH (n:${NODE_LABEL}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`;

/** Every statement the store can send (one per label / type where the text depends on it). */
export function allStatements(): string[] {
  return [
    ...SCHEMA,
    CREATE_VECTOR_INDEX,
    VECTOR_INDEX_DIMENSIONS,
    DROP_VECTOR_INDEX,
    SET_EMBEDDINGS,
    MISSING_NODES,
    ...LABELS.map((l) => mergeNodes([l])),
    mergeNodes(['Plan', 'Target']),
    ...REL_TYPES.map(mergeRelationships),
    GET_NODES,
    ...LABELS.map(nodesByLabel),
    RELATIONSHIPS_OF,
    TASKS_OF_UNIT,
    UNITS_OF_TASK,
    APPLICATIONS_OF_TASK,
    TASKS_OF_APPLICATION,
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    ALL_NODES,
    ALL_RELATIONSHIPS,
    DELETE_SLICE,
    createSpaceIndex('passages'),
    dropSpaceIndex('passages'),
    createSpaceKeyConstraint(),
    setSpaceVectors('passages'),
    SPACE_KEYS,
    DELETE_SPACE_SLICE,
    QUERY_SPACE,
    AWAIT_INDEXES,
    FULLTEXT_TASKS,
  ];
}
