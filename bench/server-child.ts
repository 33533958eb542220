/**
 * The real server for the HTTP bench, in its own process: bootstrap on a data dir, createApp
 * with the rate limiter raised (config.server.rateLimitPerMinute, otherwise KG_RATE_LIMIT=6000
 * would answer 429 within a second at bench rates), listen on 127.0.0.1 on a free port and
 * print it. Stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../core/config';
import { bootstrap } from '../app/pipeline';
import type { GraphStore } from '../graph/store';
import { createSearch } from '../search';
import { createApp } from '../server/app';
import { gracefulShutdown } from '../server/shutdown';
import { childArgs } from './common/child';
import { peakRssMb } from './common/stats';

export const PORT_MARK = '@@bench-port ';
export const BENCH_RATE_LIMIT = 100_000_000;

// The same store without its revision: search/neighbourhood.ts then memoises nothing (the
// cost of answers whose tasks have not been asked for yet).
function withoutRevision(store: GraphStore): GraphStore {
  return Object.create(store, { revision: { value: undefined } }) as GraphStore;
}

async function main(a: { dir: string; dataDir: string; neural: boolean; memo?: boolean }): Promise<void> {
  const base = loadConfig({ ...process.env, KG_DATA_DIR: a.dataDir, KG_EMBEDDER: a.neural ? '' : 'none' });
  const config = { ...base, host: '127.0.0.1', server: { ...base.server, rateLimitPerMinute: BENCH_RATE_LIMIT } };
  const pipeline = await bootstrap({ config, dir: a.dir });
  const store = a.memo === false ? withoutRevision(pipeline.store) : pipeline.store;
  const search = a.memo === false ? await createSearch({ store, config, embedder: null }) : pipeline.search;
  const server = createApp({ store, search, config, log: (m) => console.error(m) }).listen(0, '127.0.0.1', () => {
    process.stdout.write(`${PORT_MARK}${(server.address() as AddressInfo).port} ${pipeline.search.status().embedder.model ?? 'none'}\n`);
  });
  process.on('SIGTERM', () => {
    process.stderr.write(`server peak RSS ${peakRssMb()} MiB\n`);
    void gracefulShutdown(server, pipeline.close, 2000).then(() => process.exit(0));
  });
}

if (require.main === module) main(childArgs()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
