/**
 * Debian chromium driven by playwright-core for the browser tests: where it is, a skip line when
 * it is missing, and a fresh headless context whose page records every error it meets.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { chromium as chromiumPrerequisite, CHROMIUM, describeIf } from '../prerequisites';

export { CHROMIUM };
export const SHOTS = path.join(__dirname, '../../docs/screenshots');

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
