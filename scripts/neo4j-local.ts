/**
 * `npm run neo4j:local -- start|stop|status`: Neo4j 5.26 Community (Bolt, HTTP, Neo4j Browser,
 * APOC core) from Maven Central, run on 127.0.0.1 by neo4j-local/ (a pom.xml and one Java class).
 *
 * start: builds neo4j-local/ with Maven the first time (jars cached in ~/.m2, copied to
 * neo4j-local/target/), starts the JVM detached (pid file and log under NEO4J_LOCAL_HOME), waits
 * until Bolt answers a query with the configured password and prints the URI. stop: SIGTERM, then
 * waits for the process to end. status: says whether it runs and answers.
 *
 * admin …: neo4j-admin of the same release (e.g. `admin database import full …` into the local
 * home, the server stopped). cypher-shell …: Neo4j's cypher-shell (neo4j-local/cypher-shell/,
 * built the first time) connected to the local server. neo4j-local/bin/ has both as commands.
 *
 * The functions are exported so tests can run a private server of their own (other ports, another
 * home) and stop and start it under the store.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { config as processConfig, type Config } from '../core/config';

const LAUNCHER = path.resolve(__dirname, '../neo4j-local');
const TARGET = path.join(LAUNCHER, 'target');
const MAIN_CLASS = 'kg.LocalNeo4j';
const SHELL = path.join(LAUNCHER, 'cypher-shell');

export interface LocalNeo4jOptions {
  home: string;
  boltPort: number;
  httpPort: number;
  user: string;
  password: string;
  heap: string;
  pagecache: string;
  startTimeoutMs: number;
  browserPostConnect: string;
  java: string;
  mvn: string;
}

export interface Running {
  pid: number;
  uri: string;
  browser: string;
  rssMb: number | null;
}

/** The options for the configured local server. */
export function optionsFrom(cfg: Config = processConfig): LocalNeo4jOptions {
  return { ...cfg.neo4jLocal, user: cfg.neo4j.user, password: cfg.neo4j.password };
}

const uriOf = (o: LocalNeo4jOptions) => `bolt://127.0.0.1:${o.boltPort}`;
const browserOf = (o: LocalNeo4jOptions) => `http://127.0.0.1:${o.httpPort}/browser/`;
const pidFile = (o: LocalNeo4jOptions) => path.join(o.home, 'neo4j.pid');
const logFile = (o: LocalNeo4jOptions) => path.join(o.home, 'neo4j-local.log');

class LauncherError extends Error {}

/** Fails with a clear message unless `command` runs; returns its version output. */
function require_(command: string, args: string[], what: string): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new LauncherError(`找不到 ${what} / ${what} not found (${command}): ${what === 'Java' ? 'install Java 17 or newer (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME / NEO4J_LOCAL_JAVA' : 'install Apache Maven (Debian: apt-get install maven) or set NEO4J_LOCAL_MVN; it is needed once, to fetch Neo4j from Maven Central'}`);
  }
  return `${r.stdout}${r.stderr}`;
}

function checkJava(o: LocalNeo4jOptions): void {
  const out = require_(o.java, ['-version'], 'Java');
  const major = Number(out.match(/version "(\d+)/)?.[1] ?? 0);
  if (major < 17) throw new LauncherError(`Neo4j 5.26 需要 Java 17+ / Neo4j 5.26 needs Java 17 or newer; ${o.java} is ${major || 'unknown'} (set JAVA_HOME or NEO4J_LOCAL_JAVA)`);
}

const mtime = (p: string) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** True when `dir`/target holds a build newer than its pom and `sources`. */
function builtIn(dir: string, sources: string[] = []): boolean {
  const built = mtime(path.join(dir, 'target', 'build.stamp'));
  return built > 0 && [path.join(dir, 'pom.xml'), ...sources].every((f) => built >= mtime(f));
}

/** True when neo4j-local/target holds a build newer than the pom and the Java source. */
export function isBuilt(): boolean {
  return builtIn(LAUNCHER, [path.join(LAUNCHER, 'src/main/java/kg/LocalNeo4j.java')]);
}

function maven(o: LocalNeo4jOptions, dir: string, goals: string[], outputs: string[], log: (line: string) => void): void {
  require_(o.mvn, ['-v'], 'Maven');
  log(`building ${path.relative(path.dirname(LAUNCHER), dir)}/ with Maven (the first time it downloads from Maven Central)…`);
  for (const out of outputs) fs.rmSync(path.join(dir, 'target', out), { recursive: true, force: true });
  const r = spawnSync(o.mvn, ['-q', '-B', '-f', path.join(dir, 'pom.xml'), ...goals], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new LauncherError(`Maven 构建失败 / the Maven build of ${dir} failed:\n${`${r.stdout}${r.stderr}`.trim().split('\n').slice(-20).join('\n')}`);
  fs.writeFileSync(path.join(dir, 'target', 'build.stamp'), new Date().toISOString());
}

/** Compiles the launcher class and copies the Neo4j jars from Maven (downloaded into ~/.m2 the first time). */
export function build(o: LocalNeo4jOptions, log: (line: string) => void = () => undefined): void {
  if (!isBuilt()) maven(o, LAUNCHER, ['compile', 'dependency:copy-dependencies@lib', 'dependency:copy-dependencies@plugins'], ['lib', 'plugins'], log);
}

const serverClassPath = () => [path.join(TARGET, 'classes'), path.join(TARGET, 'lib', '*'), path.join(TARGET, 'plugins', '*')].join(path.delimiter);

/** neo4j-admin (the server's own jars) on the local home: e.g. `database import full …` with the server stopped. */
export function admin(o: LocalNeo4jOptions, args: string[], stdio: 'pipe' | 'inherit' = 'pipe'): SpawnSyncReturns<string> {
  checkJava(o);
  build(o);
  fs.mkdirSync(path.join(o.home, 'conf'), { recursive: true });
  return spawnSync(o.java, ['-Xmx512m', '-cp', serverClassPath(), 'org.neo4j.cli.AdminTool', ...args], { encoding: 'utf8', stdio: ['ignore', stdio, stdio], env: { ...process.env, NEO4J_HOME: o.home, NEO4J_CONF: path.join(o.home, 'conf') } });
}

/** cypher-shell connected to the local server as neo4j (the password from the environment, never on the command line). */
export function cypherShell(o: LocalNeo4jOptions, args: string[], stdio: 'pipe' | 'inherit' = 'pipe', uri = uriOf(o)): SpawnSyncReturns<string> {
  checkJava(o);
  if (!builtIn(SHELL)) maven(o, SHELL, ['dependency:copy-dependencies@lib'], ['lib'], () => undefined);
  return spawnSync(o.java, ['-cp', path.join(SHELL, 'target', 'lib', '*'), 'org.neo4j.shell.Main', '-a', uri, '-u', o.user, ...args], {
    encoding: 'utf8',
    stdio: ['inherit', stdio, stdio],
    env: { ...process.env, NEO4J_PASSWORD: o.password },
  });
}

function isOurs(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    try {
      process.kill(pid, 0); // no /proc (not Linux): trust the pid file
      return true;
    } catch {
      return false;
    }
  }
}

function runningPid(o: LocalNeo4jOptions): number | null {
  const pid = Number(fs.existsSync(pidFile(o)) ? fs.readFileSync(pidFile(o), 'utf8').trim() : NaN);
  return Number.isInteger(pid) && pid > 0 && isOurs(pid) ? pid : null;
}

/** Resident memory of a process in MB (Linux), or null. */
export function rssMb(pid: number): number | null {
  try {
    const kb = Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** The server's version when Bolt answers a query with these credentials, else null. */
export async function boltAnswers(o: LocalNeo4jOptions): Promise<string | null> {
  const driver = neo4j.driver(uriOf(o), neo4j.auth.basic(o.user, o.password), { connectionTimeout: 1000, maxConnectionPoolSize: 1, logging: { level: 'error', logger: () => undefined } });
  try {
    const res = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS version');
    return String(res.records[0]?.get('version') ?? '');
  } catch {
    return null;
  } finally {
    await driver.close();
  }
}

function logTail(o: LocalNeo4jOptions, lines = 25): string {
  return fs.existsSync(logFile(o)) ? fs.readFileSync(logFile(o), 'utf8').trim().split('\n').slice(-lines).join('\n') : '(no log)';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server (or finds it running) and resolves once Bolt answers. */
export async function start(o: LocalNeo4jOptions, log: (line: string) => void = () => undefined): Promise<Running & { seconds: number; version: string; alreadyRunning: boolean }> {
  if (o.password.length < 8) throw new LauncherError('请设置 NEO4J_PASSWORD（至少 8 个字符）/ set NEO4J_PASSWORD (at least 8 characters): the local Neo4j user neo4j gets it');
  const began = Date.now();
  const existing = runningPid(o);
  if (existing) {
    const version = await waitForBolt(o, existing, began);
    return { pid: existing, uri: uriOf(o), browser: browserOf(o), rssMb: rssMb(existing), seconds: (Date.now() - began) / 1000, version, alreadyRunning: true };
  }
  checkJava(o);
  build(o, log);
  fs.mkdirSync(o.home, { recursive: true });
  const out = fs.openSync(logFile(o), 'a');
  fs.writeSync(out, `\n--- start ${new Date().toISOString()} bolt ${o.boltPort} http ${o.httpPort}\n`);
  const child = spawn(o.java, [`-Xmx${o.heap}`, '-XX:+UseG1GC', '-Dfile.encoding=UTF-8', '-cp', serverClassPath(), MAIN_CLASS, o.home, String(o.boltPort), String(o.httpPort), path.join(TARGET, 'plugins')], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, NEO4J_PASSWORD: o.password, NEO4J_LOCAL_PAGECACHE: o.pagecache, NEO4J_BROWSER_POST_CONNECT: o.browserPostConnect },
  });
  fs.closeSync(out);
  child.unref();
  if (!child.pid) throw new LauncherError(`Java 未能启动 / could not start ${o.java}`);
  fs.writeFileSync(pidFile(o), String(child.pid));
  const version = await waitForBolt(o, child.pid, began);
  return { pid: child.pid, uri: uriOf(o), browser: browserOf(o), rssMb: rssMb(child.pid), seconds: (Date.now() - began) / 1000, version, alreadyRunning: false };
}

async function waitForBolt(o: LocalNeo4jOptions, pid: number, began: number): Promise<string> {
  for (;;) {
    const version = await boltAnswers(o);
    if (version !== null) return version;
    if (!isOurs(pid)) {
      fs.rmSync(pidFile(o), { force: true });
      throw new LauncherError(`Neo4j 已退出 / Neo4j exited before Bolt answered; the end of ${logFile(o)}:\n${logTail(o)}`);
    }
    if (Date.now() - began > o.startTimeoutMs) throw new LauncherError(`Neo4j 在 ${o.startTimeoutMs / 1000} 秒内未响应 / Bolt did not answer ${uriOf(o)} within ${o.startTimeoutMs / 1000} s (wrong NEO4J_PASSWORD for an existing data folder? the port taken?); the end of ${logFile(o)}:\n${logTail(o)}`);
    await sleep(250);
  }
}

/** Stops the server; resolves true once its process has ended, false when none ran. */
export async function stop(o: LocalNeo4jOptions, timeoutMs = 60_000): Promise<boolean> {
  const pid = runningPid(o);
  if (!pid) {
    fs.rmSync(pidFile(o), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const began = Date.now();
  while (isOurs(pid)) {
    if (Date.now() - began > timeoutMs) process.kill(pid, 'SIGKILL');
    await sleep(200);
  }
  fs.rmSync(pidFile(o), { force: true });
  return true;
}

/** Whether it runs, and whether Bolt answers. */
export async function status(o: LocalNeo4jOptions): Promise<(Running & { answering: boolean }) | null> {
  const pid = runningPid(o);
  if (!pid) return null;
  return { pid, uri: uriOf(o), browser: browserOf(o), rssMb: rssMb(pid), answering: (await boltAnswers(o)) !== null };
}

async function main(command: string | undefined, rest: string[]): Promise<number> {
  const o = optionsFrom();
  const say = (line: string) => console.log(line);
  switch (command) {
    case 'start': {
      const r = await start(o, say);
      say(`Neo4j ${r.version} Community ${r.alreadyRunning ? 'is already running' : `is up in ${r.seconds.toFixed(1)} s`} (pid ${r.pid}, RSS ${r.rssMb ?? '?'} MB, data ${o.home})`);
      say(`  NEO4J_URI=${r.uri} NEO4J_USER=${o.user} (password: NEO4J_PASSWORD)`);
      say(`  Neo4j Browser: ${r.browser}`);
      return 0;
    }
    case 'stop':
      say((await stop(o)) ? 'Neo4j stopped' : 'Neo4j was not running');
      return 0;
    case 'status': {
      const s = await status(o);
      if (!s) {
        say(`Neo4j is not running (${o.home})`);
        return 3;
      }
      say(`Neo4j is running (pid ${s.pid}, RSS ${s.rssMb ?? '?'} MB): ${s.uri} ${s.answering ? 'answers' : 'does not answer yet'}; Browser ${s.browser}`);
      return s.answering ? 0 : 4;
    }
    case 'admin':
      return admin(o, rest, 'inherit').status ?? 1;
    case 'cypher-shell':
      return cypherShell(o, rest, 'inherit').status ?? 1;
    default:
      console.error('usage: npm run neo4j:local -- start|stop|status | admin <neo4j-admin arguments> | cypher-shell <cypher-shell arguments>');
      return 2;
  }
}

if (require.main === module) {
  main(process.argv[2], process.argv.slice(3)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof LauncherError ? e.message : e);
      process.exit(1);
    },
  );
}
