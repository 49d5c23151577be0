/**
 * Peak resident memory of a child process, read from Linux `/proc/<pid>/status`.
 *
 * Method: every 100 ms the parent reads the child's `VmHWM` (the kernel's own high-water mark of resident
 * memory) and `VmRSS`, and keeps the largest value seen. Because `VmHWM` never decreases, the last sample
 * before the child exits already holds the peak up to that moment; only growth in the final < 100 ms before
 * exit can be missed. `/usr/bin/time -v` is not relied on: it is absent on many machines and would put a
 * second process between us and the child, hiding its pid.
 */
import fs from 'node:fs';

const SAMPLE_MS = 100;

/** A running sampler; `stop()` takes one last sample and answers the peak in bytes (0 if never readable). */
export interface RssSampler {
  /** Largest resident size seen so far, in bytes. */
  readonly peakBytes: number;
  stop(): number;
}

/** Resident sizes of `pid` in bytes, or undefined once the process is gone (or on a system without /proc). */
export function readRss(pid: number): { rss: number; hwm: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  // Values are printed in kB ("VmHWM:   123456 kB").
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Starts sampling `pid` every 100 ms until `stop()` (the timer does not keep the parent alive). */
export function sampleRss(pid: number): RssSampler {
  let peak = 0;
  const sample = () => {
    const now = readRss(pid);
    if (now) peak = Math.max(peak, now.rss, now.hwm);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  return {
    get peakBytes() {
      return peak;
    },
    stop() {
      sample();
      clearInterval(timer);
      return peak;
    },
  };
}
