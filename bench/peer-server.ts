/**
 * The peers behind the same kind of HTTP endpoint as ours, for the load bench: Orama
 * (mandarin tokenizer) at `/orama?q=` and MiniSearch (jieba words) at `/minisearch?q=`, each
 * answering its top 10 tasks as JSON, on node:http (no framework: their best case). Indexes the
 * seeds' tasks as bench/peers.ts does; prints the port and stops on SIGTERM.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';
import { seedStore } from './lib/harness';
import { childArgs } from './common/child';
import { PORT_MARK } from './server-child';

const WORD = /[\p{L}\p{N}]/u;
const jiebaWords = (s: string) => nodejieba.cut(s, true).filter((w) => WORD.test(w));

async function main(a: { dir: string }): Promise<void> {
  const store = await seedStore(a.dir);
  const tasks = (await store.nodesByLabel('Task')).map((n) => ({ id: n.id, title: String(n.properties.title ?? ''), text: String(n.properties.text ?? '') }));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const orama = create({ schema: { title: 'string', text: 'string' } as const, components: { tokenizer: createTokenizer() } });
  await insertMultiple(orama, tasks);
  const mini = new MiniSearch<{ id: string; title: string; text: string }>({ fields: ['title', 'text'], tokenize: jiebaWords, searchOptions: { boost: { title: 2 } } });
  mini.addAll(tasks);
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const q = url.searchParams.get('q') ?? '';
      let ids: string[];
      if (url.pathname === '/orama') ids = (await oramaSearch(orama, { term: q, properties: ['title', 'text'], boost: { title: 2 }, limit: 10, threshold: 1 })).hits.map((h) => h.id);
      else if (url.pathname === '/minisearch') ids = mini.search(q).slice(0, 10).map((h) => String(h.id));
      else {
        res.writeHead(404).end();
        return;
      }
      const body = Buffer.from(JSON.stringify({ query: q, results: ids.map((id) => byId.get(id)) }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
    })();
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${PORT_MARK}${(server.address() as AddressInfo).port} peers\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

if (require.main === module) main(childArgs()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
