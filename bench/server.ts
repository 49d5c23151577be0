/**
 * A Thiqa server as a child process (`thiqa serve`) on 127.0.0.1 and a free port. A separate process, not
 * `startServer` in this one, so that its resident memory can be measured on its own and the bench client
 * never shares its event loop.
 */
import { once } from 'node:events';
import net from 'node:net';
import { collect, spawnCli } from './child.ts';
import { sampleRss } from './rss.ts';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident memory so far, in bytes. */
  readonly peakRssBytes: number;
  /** Stops the server (SIGTERM, then SIGKILL) and answers its peak resident memory in bytes. */
  stop(): Promise<number>;
}

/** A port that was free a moment ago (the kernel picks it). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Starts `thiqa serve` on the store `storeArgs` name (`--data`, `--database-url`), resolving once /health answers. */
export async function startServerProcess(storeArgs: readonly string[]): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnCli(['serve', ...storeArgs, '--port', String(port), '--host', '127.0.0.1']);
  if (child.pid === undefined) throw new Error('could not start thiqa serve');
  const pid = child.pid;
  child.stdin?.end();
  const rss = sampleRss(pid);
  const stderr = collect(child.stderr);
  collect(child.stdout); // drained so that logging never blocks the server on a full pipe
  let exited = false;
  const closed = once(child, 'close').then(() => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    if (exited) throw new Error(`thiqa serve exited at start:\n${stderr().slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`thiqa serve did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${stderr().slice(-2000)}`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.text();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, 50 * (attempt + 1))));
  }

  return {
    url,
    pid,
    get peakRssBytes() {
      return rss.peakBytes;
    },
    async stop() {
      const peak = rss.stop();
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await closed;
        clearTimeout(timer);
      }
      return peak;
    },
  };
}
