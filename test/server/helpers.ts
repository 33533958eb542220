/**
 * Shared set-up for the server and browser tests: the real pipeline (ingest of the real seeds,
 * the real store and search) in a temp data dir, and the app listening on a free port.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../../core/config';
import { bootstrap, type Pipeline } from '../../app/pipeline';
import { createApp, type AppDeps } from '../../server/app';
import { attachClientErrors } from '../../server/http-errors';

/** A test config: temp data dir, no neural model (fast, deterministic), quiet logs. */
export function testConfig(overrides: Partial<Config['server']> = {}, env: NodeJS.ProcessEnv = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-server-test-'));
  const config = loadConfig({ KG_EMBEDDER: 'none', KG_DATA_DIR: dataDir, KG_LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  return { ...config, server: { ...config.server, ...overrides } };
}

let shared: Promise<Pipeline> | null = null;

/** The real pipeline over the real seeds, built once per test file. */
export function realPipeline(): Promise<Pipeline> {
  shared ??= bootstrap({ config: testConfig(), persist: false });
  return shared;
}

export async function closePipeline(): Promise<void> {
  if (shared) await (await shared).close();
  shared = null;
}

/** Deps for createApp from the real pipeline, with optional config overrides. */
export async function realDeps(overrides: Partial<Config['server']> = {}): Promise<AppDeps> {
  const p = await realPipeline();
  return { store: p.store, search: p.search, config: testConfig(overrides) };
}

export interface Listening {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1. */
export function listen(app: ReturnType<typeof createApp>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      attachClientErrors(server);
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        server,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

/** A Task node id from the real graph whose plan has units, for node/neighbourhood tests. */
export async function someTaskWithUnits(p: Pipeline): Promise<string> {
  for (const t of await p.store.nodesByLabel('Task')) {
    if ((await p.store.unitsOfTask(t.id)).length > 1) return t.id;
  }
  throw new Error('no task with units in the seeds graph');
}
