/**
 * Debian chromium driven by playwright-core for the browser tests: where it is, a skip line when
 * it is missing, and a fresh headless context whose page records every error it meets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { createApp } from '../../server/app';
import { chromium as chromiumPrerequisite, CHROMIUM, describeIf } from '../prerequisites';
import { closePipeline, listen, realDeps, type Listening } from '../server/helpers';

export { CHROMIUM };
/**
 * Where screenshots go: docs/screenshots/ with `npm run screenshots` (KG_SCREENSHOTS=1), else a
 * temporary folder, so a test run never changes tracked files.
 */
export const SHOTS = process.env.KG_SCREENSHOTS === '1' ? path.join(__dirname, '../../docs/screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'kg-shots-'));

const AXE = path.join(__dirname, '../../node_modules/axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2 A/AA rules) on the page as it is; returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the devtools protocol: the page's CSP (script-src 'self') refuses a <script> tag
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** `describe` when chromium is there (see test/prerequisites.ts for what happens without it). */
export function describeWithBrowser(): jest.Describe {
  return describeIf('browser tests', chromiumPrerequisite());
}

export interface BrowserPage {
  ctx: BrowserContext;
  page: Page;
  /** Page errors, console errors and HTTP ≥ 400 answers seen so far. */
  errors: string[];
}

/** A new headless chromium with an empty profile (no network beyond the page's own server). */
export async function openBrowser(viewport = { width: 1360, height: 900 }): Promise<BrowserPage> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport,
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location().url}:${m.location().lineNumber}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  return { ctx, page, errors };
}

export interface AppPage extends BrowserPage {
  srv: Listening;
}

/**
 * Registers the suite's set-up and tear-down: the real app (real pipeline over the seeds) on a
 * free port and a fresh chromium page before the tests, both closed after. The fields are filled
 * in `beforeAll`.
 */
export function pageOnRealApp(viewport?: { width: number; height: number }): AppPage {
  const s = {} as AppPage;
  beforeAll(async () => {
    s.srv = await listen(createApp(await realDeps()));
    Object.assign(s, await openBrowser(viewport));
  }, 60_000);
  afterAll(async () => {
    await s.ctx?.close();
    await s.srv?.close();
    await closePipeline();
  });
  return s;
}
