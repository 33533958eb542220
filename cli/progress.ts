/**
 * The progress display of long CLI work (ingest, a first export or search that builds the graph):
 * a bar on stderr for phases with a count, a line for the others; silent with `quiet`.
 */
import cliProgress from 'cli-progress';
import type { PipelineProgress } from '../app/pipeline';

export interface ProgressDisplay {
  onProgress: (p: PipelineProgress) => void;
  stop(): void;
}

export function progressDisplay(quiet = false): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} {message}', hideCursor: true, clearOnComplete: true, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const stop = () => {
    if (started) bar.stop();
    started = false;
  };
  const onProgress = (p: PipelineProgress) => {
    if (quiet) return;
    if (p.total) {
      if (!started) bar.start(p.total, 0, { phase: p.phase, message: '' });
      started = true;
      bar.setTotal(p.total);
      bar.update(p.done ?? 0, { phase: p.phase.padEnd(7), message: p.message.slice(0, 60) });
    } else {
      stop();
      process.stderr.write(`[${p.phase}] ${p.message}\n`);
    }
  };
  return { onProgress, stop };
}
