/**
 * The HTTP server's shutdown: stop accepting, let open requests finish (at most `graceMs`),
 * then close what the server was built from. `npm start` is app/serve.ts.
 */
import type { Server } from 'node:http';

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

