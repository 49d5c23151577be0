/** Runs the HTTP application on a host and port (port 0 picks a free one). */
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Platform } from './platform.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export function startServer(platform: Platform, host: string, port: number): Promise<RunningServer> {
  const app = createApp(platform);
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server.off('error', onError);
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', onError);
  });
}
