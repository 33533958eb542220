/**
 * `npm run kg -- ingest [DIR] [--reuse] [--json]`: parse the plan files of DIR (default the
 * seeds), store the graph, build and persist the indexes, with a progress bar and a per-document
 * summary table.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { config } from '../../core/config';
import { bootstrap, type DocumentSummary, type PipelineProgress } from '../../core/pipeline';
import { clipTo, displayWidth, padTo } from '../../core/text-width';
import { say } from '../terminal-text';

export const summary = '解析规划文件并建立图谱与索引 / ingest DIR: parse plans, store the graph, build indexes';

/** The summary table, one row per document; numbers right-aligned. */
export function formatTable(rows: DocumentSummary[]): string {
  const head = ['文件 file', '规划 plan', '任务 tasks', '措施 measures', '单位 units', '应用 apps', '错误 errors'];
  const body = rows.map((r) => [
    r.file,
    clipTo(r.planTitle ?? '—', 36),
    String(r.tasks),
    String(r.measures),
    String(r.units),
    String(r.applications),
    r.ok ? (r.warnings.length ? `${r.warnings.length} 警告` : '0') : `失败: ${clipTo(r.error?.message ?? '', 40)}`,
  ]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i]))));
  const numeric = [false, false, true, true, true, true, false];
  const line = (cells: string[]) => cells.map((c, i) => padTo(c, widths[i], numeric[i])).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const rebuild = !args.includes('--reuse'); // an explicit ingest re-reads the files unless told to reuse
  const dirArg = args.find((a) => !a.startsWith('--'));
  const dir = path.resolve(dirArg ?? config.seedsDir);
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} {message}', hideCursor: true, clearOnComplete: true, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const onProgress = (p: PipelineProgress) => {
    if (json) return;
    if (p.total) {
      if (!started) bar.start(p.total, 0, { phase: p.phase, message: '' });
      started = true;
      bar.setTotal(p.total);
      bar.update(p.done ?? 0, { phase: p.phase.padEnd(7), message: p.message.slice(0, 60) });
    } else {
      if (started) bar.stop();
      started = false;
      process.stderr.write(`[${p.phase}] ${p.message}\n`);
    }
  };
  const pipeline = await bootstrap({ config, dir, rebuild, onProgress });
  if (started) bar.stop();
  try {
    const failed = pipeline.reports.filter((r) => !r.ok).length;
    if (json) {
      console.log(JSON.stringify({ dir, reports: pipeline.reports, timings: pipeline.timings, counts: await pipeline.store.counts() }, null, 2));
    } else {
      say(formatTable(pipeline.reports));
      const counts = await pipeline.store.counts();
      const nodes = Object.entries(counts.nodes).map(([k, v]) => `${k} ${v}`).join(', ');
      const t = pipeline.timings;
      console.log(`\n图谱 / graph: ${nodes}`);
      console.log(`用时 / time: ingest ${Math.round(t.ingest ?? 0)} ms, analyse ${Math.round(t.analyse ?? 0)} ms, store ${Math.round(t.store ?? 0)} ms, index ${Math.round(t.index ?? 0)} ms, total ${Math.round(t.total)} ms`);
      console.log(`已保存到 / saved to ${config.dataDir} (store: ${pipeline.store.kind})${failed ? `; ${failed} 个文件失败 / files failed` : ''}`);
    }
    return failed ? 1 : 0;
  } finally {
    await pipeline.close();
  }
}
