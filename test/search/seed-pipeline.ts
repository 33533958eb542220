/**
 * The seeds' graph and search, keyword + graph only (no model), in a scratch data folder removed
 * afterwards: the set-up of the search suites that read the real seeds. Call at a suite's top level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import type { Search } from '../../search';

export interface SeedPipeline {
  pipeline: Pipeline;
  search: Search;
  dir: string;
}

export function seedPipeline(prefix: string): SeedPipeline {
  const out = {} as SeedPipeline;
  beforeAll(async () => {
    out.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    out.pipeline = await bootstrap({ config: loadConfig({ KG_EMBEDDER: 'none', KG_DATA_DIR: out.dir, KG_LOG_LEVEL: 'silent' }), persist: false });
    out.search = out.pipeline.search as Search;
  }, 120_000);
  afterAll(async () => {
    await out.pipeline?.close();
    if (out.dir) fs.rmSync(out.dir, { recursive: true, force: true });
  });
  return out;
}
