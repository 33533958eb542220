/**
 * Test helpers for searches over plans a test writes or names: a folder of plan files written from
 * their lines, and the keyword + graph search the product builds over plan folders (no model, a
 * data dir of its own).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { buildSearch, seedStore } from '../../bench/lib/harness';
import { createSearch, type Search } from '../../search';
import type { SearchOptionsConfig } from '../../search/options';

/** A temp folder holding one file per name, each the lines given. */
export function planFolder(label: string, files: Record<string, string[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-${label}-`));
  for (const [name, lines] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), lines.join('\n'));
  return dir;
}

/** A folder of the repository (eval/fresh-plans/docs …) by its path from the root. */
export const repoDir = (...parts: string[]): string => path.join(loadConfig().root, ...parts);

/** The keyword + graph search over the plans of these folders, loaded together as a user would (options: the search's, SEARCH_DEFAULTS otherwise). */
export async function keywordSearch(label: string, dirs: string | string[], options?: SearchOptionsConfig): Promise<Search> {
  const config = loadConfig({ KG_EMBEDDER: 'none', KG_LOG_LEVEL: 'silent', KG_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `kg-${label}-data-`)) });
  const store = await seedStore(dirs);
  return options ? createSearch({ store, config, embedder: null, options }) : buildSearch(store, config, null);
}
