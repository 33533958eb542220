/**
 * What a suite needs from outside the code (the embedding model, chromium, a Neo4j server) and
 * what happens without it: a printed `SKIP: <suite>: <reason>` line and a skipped suite on a
 * developer's machine; under `CI=true` a failing test that names the missing prerequisite — CI
 * never passes by skipping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { resolveModelSource } from '../search/embedder-factory';

export interface Prerequisite {
  /** Null when present; otherwise why it is missing and how to get it. */
  missing: string | null;
}

export const inCI = process.env.CI === 'true';

/** The embedding model, as the product would load it (models/, KG_MODEL_DIR or HF_ENDPOINT). */
export function model(env: NodeJS.ProcessEnv = process.env): Prerequisite {
  const source = resolveModelSource(loadConfig(env));
  return { missing: 'reason' in source ? `the embedding model (${source.reason})` : null };
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian chromium for playwright-core. */
export function chromium(): Prerequisite {
  return { missing: fs.existsSync(CHROMIUM) ? null : `chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` };
}

/** A Neo4j server the tests may clear (NEO4J_URI). */
export function neo4j(env: NodeJS.ProcessEnv = process.env): Prerequisite {
  return { missing: env.NEO4J_URI ? null : 'a Neo4j server: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD); `npm run neo4j:local -- start` starts one (the tests clear that database)' };
}

/** A file the suite reads (evaluation data). */
export function file(p: string): Prerequisite {
  return { missing: fs.existsSync(p) ? null : `${path.relative(process.cwd(), p)}` };
}

/**
 * `describe` when every prerequisite is there; otherwise a skip with a reason line, or under
 * CI=true a suite whose one test fails naming what is missing.
 */
export function describeIf(suite: string, ...needs: Prerequisite[]): jest.Describe {
  const missing = needs.map((n) => n.missing).filter((m): m is string => !!m);
  if (!missing.length) return describe;
  const reason = missing.join('; ');
  if (inCI) {
    const failing = ((name: string) =>
      describe(name, () => {
        test(`prerequisite missing under CI: ${reason}`, () => {
          throw new Error(`CI=true: ${suite} needs ${reason}`);
        });
      })) as unknown as jest.Describe;
    return failing;
  }
  console.log(`SKIP: ${suite}: needs ${reason}`);
  return describe.skip;
}

/** The same for one test. */
export function testIf(suite: string, ...needs: Prerequisite[]): jest.It {
  const missing = needs.map((n) => n.missing).filter((m): m is string => !!m);
  if (!missing.length) return test;
  const reason = missing.join('; ');
  if (inCI) {
    return ((name: string) =>
      test(`${name} — prerequisite missing under CI: ${reason}`, () => {
        throw new Error(`CI=true: ${suite} needs ${reason}`);
      })) as unknown as jest.It;
  }
  console.log(`SKIP: ${suite}: needs ${reason}`);
  return test.skip;
}
