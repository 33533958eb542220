import fs from 'node:fs';
import path from 'node:path';

/** A docs/neo4j/ file as text. */
export const readCypher = (file: string): string => fs.readFileSync(path.resolve(__dirname, '../../docs/neo4j', file), 'utf8');

/** docs/neo4j/queries.cypher as text. */
export const queriesText = readCypher('queries.cypher');

/** The analyst queries: statements that are not :param lines. */
export function analystQueries(text = queriesText): { title: string; query: string }[] {
  return text
    .split(/^(?=\/\/ \d+\. )/m)
    .slice(1) // the file's header comment
    .map((section) => ({
      title: section.match(/^\/\/ (.*)$/m)![1],
      query: section.replace(/^\/\/.*$/gm, '').replace(/^:param .*$/gm, '').trim(),
    }));
}

/** Parameter values from the file's `:param name => value` lines. */
export function paramsOf(text = queriesText): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [, name, value] of text.matchAll(/^:param (\w+) => (.+);$/gm)) out[name] = /^\d+(\.\d+)?$/.test(value) ? Number(value) : value.replace(/^'|'$/g, '');
  return out;
}
