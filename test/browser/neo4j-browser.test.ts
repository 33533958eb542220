/**
 * Neo4j Browser, served by the local Neo4j at /browser/, driven in headless chromium: connect
 * with the password, run a cookbook query (its :param line and statement as they stand in
 * docs/neo4j/queries.cypher), and see the graph drawn in the GraSS style the app serves
 * (browser.post_connect_cmd loads it on connect, as docker-compose sets it up).
 * A private Neo4j holds the seeds; the screenshot goes to docs/screenshots/ with KG_SCREENSHOTS=1,
 * else to a temp folder.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { config } from '../../core/config';
import { Neo4jStore } from '../../graph/neo4j-store';
import { ingestDirectory } from '../../ingest';
import { neo4jStyleRoutes } from '../../server/routes/neo4j-style';
import { analystQueries, paramsOf } from '../graph/analyst-queries';
import { describePrivateNeo4j, privateNeo4j, type PrivateNeo4j } from '../graph/neo4j-server';
import { chromium } from '../prerequisites';
import { closedPort } from '../graph/closed-port';
import { openBrowser, type BrowserPage } from './chromium';

const SHOTS = process.env.KG_SCREENSHOTS === '1' ? path.resolve(__dirname, '../../docs/screenshots') : path.join(os.tmpdir(), 'kg-screenshots');
const GRASS = fs.readFileSync(path.resolve(__dirname, '../../docs/neo4j/style.grass'), 'utf8');
const colourOf = (label: string) => GRASS.match(new RegExp(`^node\\.${label} \\{[^}]*?\\bcolor: (#[0-9A-F]{6});`, 'm'))![1].toLowerCase();

describePrivateNeo4j('Neo4j Browser at /browser/ in headless chromium', () => {
  let server: PrivateNeo4j;
  let styleServers: http.Server[] = [];
  let browser: BrowserPage;

  beforeAll(async () => {
    const app = express().use(neo4jStyleRoutes()); // the app's own route for the style
    const stylePort = await closedPort();
    // Browser fetches http://localhost:… (its default allow-list names localhost), which may be either loopback
    styleServers = await Promise.all(['127.0.0.1', '::1'].map((host) => new Promise<http.Server>((resolve) => {
      const srv = app.listen(stylePort, host, () => resolve(srv));
    })));
    server = await privateNeo4j();
    server.options.browserPostConnect = `style http://localhost:${stylePort}/neo4j/style.grass`;
    await server.start();
    const store = await Neo4jStore.connect(server.neo4j);
    await store.upsert((await ingestDirectory(config.seedsDir)).graph);
    await store.close();
    browser = await openBrowser({ width: 1400, height: 900 });
  }, 5 * 60_000);
  afterAll(async () => {
    await browser?.ctx.close();
    await server?.dispose();
    await Promise.all(styleServers.map((srv) => new Promise((resolve) => srv.close(resolve))));
  }, 2 * 60_000);

  test('connect, run a cookbook query, the graph drawn in the GraSS colours', async () => {
    const { page } = browser;
    await page.goto(`http://127.0.0.1:${server.options.httpPort}/browser/`);
    await page.locator('[data-testid="boltaddress"]').fill(`127.0.0.1:${server.options.boltPort}`);
    await page.locator('[data-testid="bolt-scheme-select"]').selectOption('bolt://');
    await page.locator('[data-testid="username"]').fill(server.options.user);
    await page.locator('[data-testid="password"]').fill(server.options.password);
    await page.locator('[data-testid="connect"]').click();
    await page.getByText('You are connected as user').first().waitFor({ timeout: 30_000 });
    // browser.post_connect_cmd ran `:style <the app's style.grass>`: its frame shows the style's rules
    await page.locator('[data-testid="frame"]', { hasText: 'node.Task' }).first().waitFor({ timeout: 60_000 });

    // cookbook query 16 (a task's neighbourhood as a graph), its :param line first, as in the file
    const q = analystQueries().find((x) => x.title.startsWith('16. '))!;
    const editor = page.locator('[data-testid="activeEditor"]');
    for (const statement of [`:param taskId => '${paramsOf().taskId}'`, q.query]) {
      await editor.click();
      await page.keyboard.insertText(statement);
      await page.locator('[data-testid="editor-Run"]').click();
      await page.waitForTimeout(500);
    }
    const nodes = page.locator('svg g.node');
    await nodes.first().waitFor({ timeout: 30_000 });
    const fillsNow = async () => new Set((await page.locator('svg g.node circle.b-outline').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill') ?? ''))).map((f) => f.toLowerCase()));
    for (let t = Date.now(); Date.now() - t < 30_000 && !(await fillsNow()).has(colourOf('Task')); ) await page.waitForTimeout(250);
    await page.waitForTimeout(2000); // the force layout settles
    const fills = await fillsNow();
    expect(fills).toContain(colourOf('Task'));
    expect(fills).toContain(colourOf('Plan'));
    expect(fills).toContain(colourOf('Unit'));
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'neo4j-browser.png') });
  }, 3 * 60_000);
}, chromium());
