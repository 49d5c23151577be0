/**
 * A progress bar on stderr for long commands (import, demo, validate). Shown only to a person: when stderr
 * is a terminal and `--json` is off, so logs and pipes never fill with redraws.
 */
import cliProgress from 'cli-progress';
import { formatCount } from './output.ts';

export interface Progress {
  /** `objects` processed so far; `done` in the bar's unit (bytes read, or objects when that is the unit). */
  update(objects: number, done?: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * @param label shown first (a file name, "demo").
 * @param total size of the work in the bar's unit; undefined when unknown (stdin): a counter, no bar.
 */
export function startProgress(label: string, total: number | undefined, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const started = performance.now();
  const known = total !== undefined && total > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known ? '{label} [{bar}] {percentage}% | {objects} objects | {rate} objects/s' : '{label} {objects} objects | {rate} objects/s',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (objects: number) => {
    const seconds = (performance.now() - started) / 1000;
    return { label, objects: formatCount(objects), rate: seconds > 0 ? formatCount(Math.round(objects / seconds)) : '0' };
  };
  bar.start(known ? total : 1, 0, payload(0));
  return {
    update: (objects, done) => bar.update(known ? (done ?? objects) : 0, payload(objects)),
    stop: () => bar.stop(),
  };
}
