/**
 * `npm start`: bootstrap the graph and search (progress on stderr), build the express app from
 * them, listen on HOST:PORT, and shut down gracefully on SIGTERM/SIGINT (stop accepting, finish
 * requests, then close the search and the store).
 */
import type { AddressInfo } from 'node:net';
import { config } from '../core/config';
import { createApp } from '../server/app';
import { attachClientErrors } from '../server/http-errors';
import { gracefulShutdown } from '../server/shutdown';
import { bootstrap, type PipelineProgress } from './pipeline';

function progressLine(p: PipelineProgress): void {
  const count = p.total ? ` ${p.done ?? 0}/${p.total}` : '';
  process.stderr.write(`[${p.phase}]${count} ${p.message}\n`);
}

async function main(): Promise<void> {
  const pipeline = await bootstrap({ config, onProgress: progressLine });
  pipeline.search.engine.warm(); // before the first request, not during it
  const app = createApp({ store: pipeline.store, search: pipeline.search, config });
  const server = app.listen(config.port, config.host, () => {
    const health = pipeline.search.status().embedder;
    const port = (server.address() as AddressInfo).port; // the bound port (PORT=0 picks a free one)
    console.log(`数字政府规划知识图谱 / listening on http://${config.host}:${port}/  (${pipeline.store.describe()}, plans: ${pipeline.dir}, embedder: ${health.active ? health.model : `none — ${health.reason ?? ''}`})`);
  });
  attachClientErrors(server); // 431, unencoded or non-UTF-8 URLs: JSON answers, not node's bare ones
  server.requestTimeout = config.server.requestTimeoutMs + 5_000; // node's own cap, after ours
  server.headersTimeout = 15_000;
  server.on('error', (e) => {
    console.error(`无法监听 / cannot listen on ${config.host}:${config.port}: ${e.message}`);
    process.exit(1);
  });
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: 正在关闭 / shutting down`);
      gracefulShutdown(server, pipeline.close).then(() => process.exit(0));
    });
  }
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  console.error(`启动失败 / failed to start${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}`);
  process.exit(1);
});
