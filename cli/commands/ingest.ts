/**
 * `npm run kg -- ingest [DIR] [--reuse] [--json]`: parse the plan files of DIR (default the
 * seeds), store the graph, build and persist the indexes, with a progress bar and a per-document
 * summary table.
 */
import path from 'node:path';
import { config } from '../../core/config';
import { bootstrap, type DocumentSummary } from '../../app/pipeline';
import { type CommandSpec, type Parsed } from '../args';
import { progressDisplay } from '../progress';
import { clipTo, displayWidth, padTo } from '../text-width';
import { say } from '../terminal-text';

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

export const spec: CommandSpec = {
  name: 'ingest',
  summary: '解析规划文件并建立图谱与索引 / ingest DIR: parse plans, store the graph, build indexes',
  positionals: { name: 'DIR', description: '规划文件目录 / folder of plan files (.txt .md .docx .doc .pdf .html .xlsx .csv; default: KG_SEEDS_DIR or seeds/)' },
  options: {
    reuse: { type: 'boolean', description: '文件未变时复用已保存的图谱 / reuse the saved graph when the files are unchanged' },
    json: { type: 'boolean', description: '输出 JSON / print the reports as JSON' },
  },
  examples: ['npm run kg -- ingest seeds', 'npm run kg -- ingest ~/plans --json'],
};

export async function run({ values, positionals }: Parsed): Promise<number> {
  const json = !!values.json;
  const rebuild = !values.reuse; // an explicit ingest re-reads the files unless told to reuse
  const dir = path.resolve(positionals[0] ?? config.seedsDir);
  const display = progressDisplay(json);
  let pipeline;
  try {
    pipeline = await bootstrap({ config, dir, rebuild, onProgress: display.onProgress });
  } finally {
    display.stop();
  }
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
      console.log(`已保存到 / saved to ${config.dataDir} (store: ${pipeline.store.describe()})${failed ? `; ${failed} 个文件失败 / files failed` : ''}`);
    }
    return failed ? 1 : 0;
  } finally {
    await pipeline.close();
  }
}
