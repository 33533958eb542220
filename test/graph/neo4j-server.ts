/**
 * The real Neo4j the Neo4j suites run against.
 *
 * - The shared server is the one at NEO4J_URI (`.ci/run` starts it with `npm run neo4j:local`).
 *   Suites that clear and fill it take a lock first (a folder under the OS temp dir), so jest
 *   workers never write it at the same time.
 * - A private server (its own ports and home) is started by suites that stop and restart it, or
 *   that need an empty database: scripts/neo4j-local.ts, the same launcher.
 *
 * Without a server (or Java for a private one) a suite prints a SKIP line; under CI=true it fails
 * instead (test/prerequisites.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { config } from '../../core/config';
import { isBuilt, optionsFrom, start, stop, type LocalNeo4jOptions } from '../../scripts/neo4j-local';
import { closedPort } from './closed-port';
import { describeIf, inCI, neo4j, type Prerequisite } from '../prerequisites';

export const CI = inCI;
const LOCK_WAIT_MS = 20 * 60_000;

/** A describe block on the shared server at NEO4J_URI, holding the lock for its whole run. It clears that database. */
export function describeNeo4j(title: string, fn: () => void, ...needs: Prerequisite[]): void {
  describeIf(title, neo4j(), ...needs)(title, () => {
    let release: (() => void) | null = null;
    beforeAll(async () => {
      release = await lock(`kg-neo4j-${encodeURIComponent(config.neo4j.uri!)}`);
    }, LOCK_WAIT_MS);
    afterAll(() => release?.());
    fn();
  });
}

/** Java 17+ (and Maven until neo4j-local/ is built): what a private Neo4j needs. */
export function java(): Prerequisite {
  const o = optionsFrom();
  const r = spawnSync(o.java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { missing: `Java 17+ to run a private Neo4j (${o.java} not found)` };
  if (!isBuilt() && spawnSync(o.mvn, ['-v']).status !== 0) return { missing: `Maven to build neo4j-local/ once (${o.mvn} not found)` };
  return { missing: null };
}

/** A describe block that starts Neo4j servers of its own (privateNeo4j), and needs whatever else is given. */
export function describePrivateNeo4j(title: string, fn: () => void, ...needs: Prerequisite[]): void {
  describeIf(title, java(), ...needs)(title, fn);
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
