/**
 * `npx tsx bench/slow-clients.ts [--clients 200] [--model]`: memory under clients that send
 * requests and never read. The real server (bench/server-child.ts, default settings: request
 * timeout 10 s, send deadline 15 s after it, answers capped by k per depth) gets `clients`
 * connections asking for the largest answer allowed (k=5&depth=3, about 400 KB; the old worst
 * case k=50&depth=3 is now a 400) and never reading: first one request each (dropped by the send
 * deadline), then 20 pipelined each (dropped past 1 unsent answer). The server's RSS (from
 * /proc) at baseline, at its peak, and after (then 10 s of ordinary searches); whether it still
 * answers. Writes bench/results/slow-clients.json.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../core/config';
import { machine, writeResult } from './common/stats';
import { startServer, stopServer } from './http';

const argv = process.argv.slice(2);
const clients = argv.includes('--clients') ? Number(argv[argv.indexOf('--clients') + 1]) : 200;
const neural = argv.includes('--model');
const config = loadConfig();

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const dataDir = path.join(os.tmpdir(), 'kg-bench', neural ? 'data-neural' : 'data-none');
  const s = await startServer({ dir: config.seedsDir, dataDir, neural });
  const pid = s.child.pid!;
  try {
    const get = async (p: string) => (await fetch(`http://127.0.0.1:${s.port}${p}`)).status;
    for (let i = 0; i < 20; i++) await get(`/api/search?q=${encodeURIComponent(`数据共享 ${i}`)}&k=5&depth=3`); // warm
    await sleep(1000);
    const baseline = rssMb(pid);
    const big = `/api/search?q=${encodeURIComponent('数据共享平台建设')}&k=5&depth=3`;
    const oldStatus = await get(`/api/search?q=${encodeURIComponent('数据共享平台建设')}&k=50&depth=3`);
    const deadlineS = (config.server.requestTimeoutMs + config.server.sendTimeoutMs) / 1000;
    const phases = [];
    for (const [name, pipelined, waitS] of [['one answer each, never read (send deadline)', 1, deadlineS + 5], ['20 pipelined answers each, never read (unsent-answer limit)', 20, 5]] as const) {
      const t0 = Date.now();
      const sockets: net.Socket[] = [];
      for (let i = 0; i < clients; i++) {
        const c = net.connect(s.port, '127.0.0.1');
        c.on('error', () => {});
        c.pause();
        c.write(`GET ${big} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`.repeat(pipelined));
        sockets.push(c);
      }
      let peak = rssMb(pid);
      const samples: { s: number; rssMb: number }[] = [];
      for (let t = 0; t < waitS; t++) {
        await sleep(1000);
        const r = rssMb(pid);
        peak = Math.max(peak, r);
        samples.push({ s: Math.round((Date.now() - t0) / 1000), rssMb: r });
      }
      // ordinary traffic afterwards for 10 s (what lets the collector run, as on a live server)
      for (let i = 0; i < 100; i++) {
        await get(`/api/search?q=${encodeURIComponent(`一网通办 ${name.length} ${i}`)}`);
        await sleep(100);
      }
      const after = rssMb(pid);
      for (const c of sockets) c.destroy();
      phases.push({ name, pipelined, peakMb: peak, afterMb: after, samples });
      console.log(`${clients} clients, ${name}: server RSS baseline ${baseline} MiB, peak ${peak} MiB, after ${after} MiB (${samples.at(-1)!.s} s, then 10 s of ordinary searches)`);
    }
    const stillAnswers = await get(`/api/search?q=${encodeURIComponent('一网通办')}`);
    const result = { clients, neural, answer: 'k=5&depth=3', oldWorstCaseStatus: oldStatus, baselineMb: baseline, phases, stillAnswers, deadlineS, machine: machine() };
    console.log(`k=50&depth=3 → ${oldStatus}; a search afterwards → ${stillAnswers}`);
    console.log(`→ ${path.relative(config.root, writeResult('slow-clients', result))}`);
  } finally {
    await stopServer(s.child);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
