/**
 * `npm start`: bootstrap the graph and search (progress on stderr), listen on HOST:PORT, and
 * shut down gracefully on SIGTERM/SIGINT (stop accepting, finish requests, then close the store).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { config } from '../core/config';
import { bootstrap, type PipelineProgress } from '../core/pipeline';
import { createApp } from './app';
import { attachClientErrors } from './http-errors';

function progressLine(p: PipelineProgress): void {
  const count = p.total ? ` ${p.done ?? 0}/${p.total}` : '';
  process.stderr.write(`[${p.phase}]${count} ${p.message}\n`);
}

/** Closes the server (waiting for open requests, at most `graceMs`), then the pipeline. */
export function gracefulShutdown(server: Server, close: () => Promise<void>, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    // keep-alive sockets that finish their request become idle: drop them so close() can end
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(force);
      clearInterval(sweep);
      close().then(resolve, (e: unknown) => {
        console.error(`关闭时出错 / error while closing: ${(e as Error).message}`);
        resolve();
      });
    });
    server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() open
  });
}

async function main(): Promise<void> {
  const pipeline = await bootstrap({ config, onProgress: progressLine });
  const app = createApp({ store: pipeline.store, search: pipeline.search, config });
  const server = app.listen(config.port, config.host, () => {
    const health = pipeline.search.status().embedder;
    const port = (server.address() as AddressInfo).port; // the bound port (PORT=0 picks a free one)
    console.log(`数字政府规划知识图谱 / listening on http://${config.host}:${port}/  (store: ${pipeline.store.kind}, embedder: ${health.active ? health.model : `none — ${health.reason ?? ''}`})`);
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

if (require.main === module) {
  main().catch((e: unknown) => {
    const err = e as { code?: string; message?: string };
    console.error(`启动失败 / failed to start${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}`);
    process.exit(1);
  });
}
