/** `npm run neo4j:local`'s command line: what it says when something it needs is missing (no server started). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-neo4j-local-cli-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

function launcher(args: string[], env: Record<string, string>) {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/neo4j-local.ts'), ...args], { encoding: 'utf8', env: { ...process.env, NEO4J_LOCAL_HOME: home, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('start without a usable NEO4J_PASSWORD says so, in both languages', () => {
  const r = launcher(['start'], { NEO4J_PASSWORD: 'short' });
  expect(r.status).toBe(1);
  expect(r.out).toContain('NEO4J_PASSWORD');
  expect(r.out).toMatch(/请设置/);
});

test('start without Java names it and how to get it', () => {
  const r = launcher(['start'], { NEO4J_PASSWORD: 'long-enough-pw', NEO4J_LOCAL_JAVA: path.join(home, 'no-java') });
  expect(r.status).toBe(1);
  expect(r.out).toMatch(/找不到 Java \/ Java not found .*no-java.*Java 17/);
});

test('status and stop when nothing runs; an unknown command prints the usage', () => {
  expect(launcher(['status'], {})).toEqual({ status: 3, out: expect.stringContaining('Neo4j is not running') });
  expect(launcher(['stop'], {})).toEqual({ status: 0, out: expect.stringContaining('Neo4j was not running') });
  expect(launcher(['restart'], {})).toEqual({ status: 2, out: expect.stringContaining('usage: npm run neo4j:local -- start|stop|status') });
});
