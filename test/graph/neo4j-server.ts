/**
 * The real Neo4j the Neo4j suites run against.
 *
 * - The shared server is the one at NEO4J_URI (`.ci/run` starts it with `npm run neo4j:local`).
 *   Suites that clear and fill it take a lock first (a folder under the OS temp dir), so jest
 *   workers never write it at the same time.
 * - A private server (its own ports and home) is started by suites that stop and restart it, or
 *   that need an empty database: scripts/neo4j-local.ts, the same launcher.
 *
 * Without a server a suite prints a SKIP line; under CI=true it fails instead.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { config } from '../../core/config';
import { isBuilt, optionsFrom, start, stop, type LocalNeo4jOptions } from '../../scripts/neo4j-local';
import { closedPort } from './closed-port';

export const CI = process.env.CI === 'true';
const LOCK_WAIT_MS = 20 * 60_000;

/** Runs `fn` as a describe block needing a prerequisite; fails under CI=true when it is missing, else skips with a reason. */
function describeNeeding(missing: string | null, title: string, fn: () => void): void {
  if (!missing) return describe(title, fn);
  if (CI) {
    return describe(title, () => {
      test(`needs ${missing}`, () => {
        throw new Error(`CI=true: ${title} needs ${missing}`);
      });
    });
  }
  console.log(`SKIP: ${title}: ${missing}`);
  describe.skip(title, fn);
}

/** A describe block on the shared server at NEO4J_URI, holding the lock for its whole run. It clears that database. */
export function describeNeo4j(title: string, fn: () => void): void {
  describeNeeding(config.neo4j.uri ? null : 'a Neo4j server: set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (npm run neo4j:local -- start); it clears that database', title, () => {
    let release: (() => void) | null = null;
    beforeAll(async () => {
      release = await lock(`kg-neo4j-${encodeURIComponent(config.neo4j.uri!)}`);
    }, LOCK_WAIT_MS);
    afterAll(() => release?.());
    fn();
  });
}

function javaMissing(): string | null {
  const o = optionsFrom();
  const r = spawnSync(o.java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return `Java 17+ to run a private Neo4j (${o.java} not found)`;
  if (!isBuilt() && spawnSync(o.mvn, ['-v']).status !== 0) return `Maven to build neo4j-local/ once (${o.mvn} not found)`;
  return null;
}

/** A describe block that starts Neo4j servers of its own (privateNeo4j). */
export function describePrivateNeo4j(title: string, fn: () => void): void {
  describeNeeding(javaMissing(), title, fn);
}

export interface PrivateNeo4j {
  options: LocalNeo4jOptions;
  neo4j: typeof config.neo4j; // the store's config for it
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

/** A Neo4j of its own: free loopback ports, a temp home (or `home`), the launcher of `npm run neo4j:local`. */
export async function privateNeo4j(home?: string): Promise<PrivateNeo4j> {
  const dir = home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kg-neo4j-private-'));
  const options: LocalNeo4jOptions = { ...optionsFrom(), home: dir, boltPort: await closedPort(), httpPort: await closedPort(), password: 'private-neo4j-pw', heap: '384m', pagecache: '64m' };
  return {
    options,
    neo4j: { ...config.neo4j, uri: `bolt://127.0.0.1:${options.boltPort}`, user: options.user, password: options.password, database: undefined },
    start: async () => void (await start(options)),
    stop: async () => void (await stop(options)),
    dispose: async () => {
      await stop(options);
      if (!home) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cross-process lock (mkdir is atomic); a lock whose holder died is taken over. */
async function lock(name: string): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `${name.replace(/[^\w.-]/g, '_')}.lock`);
  const began = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(path.join(dir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || NaN);
      if (Number.isInteger(holder) && !alive(holder)) fs.rmSync(dir, { recursive: true, force: true });
      if (Date.now() - began > LOCK_WAIT_MS) throw new Error(`the Neo4j test lock ${dir} is held by ${holder}`, { cause: e });
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
