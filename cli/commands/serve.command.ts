/**
 * `thiqa serve [--port 8080] [--host 127.0.0.1]`: runs the TAXII server on the store, setting it up on the
 * first run, and stops cleanly on SIGINT / SIGTERM (requests in progress finish, the store is closed).
 */
import { Command } from 'commander';
import { bootstrap, DEFAULT_API_ROOT, type BootstrapResult } from '../../server/bootstrap.ts';
import { openPlatform } from '../../server/platform.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { contextOf } from '../command-context.ts';
import { defaultCollectionId } from '../default-collection.ts';
import { redactUrl } from '../output.ts';
import { SYSTEM } from '../../server/core/auth/actor.ts';
import { runSync } from '../../server/modules/federation/services/sync-runner.ts';

/** How long open connections (keep-alive, slow clients) may hold up a shutdown. */
const SHUTDOWN_GRACE_MS = 5_000;

function startLines(server: RunningServer, store: string, collectionId: string | undefined, admin: BootstrapResult['admin']): string[] {
  const lines = [`Thiqa is listening on ${server.url}`, `Web UI:          ${server.url}/ui/`, `Store:           ${store}`, `TAXII discovery: ${server.url}/taxii2/`];
  if (collectionId) lines.push(`Default collection: ${collectionId} (API root "${DEFAULT_API_ROOT}")`);
  if (admin) {
    lines.push(
      '',
      'First run: an administrator was created. The password is shown only this once: store it now.',
      `  user:     ${admin.name}`,
      `  password: ${admin.password}`,
      '',
      'Try it:',
      `  curl -u '${admin.name}:${admin.password}' -H 'Accept: application/taxii+json;version=2.1' ${server.url}/${DEFAULT_API_ROOT}/collections/${collectionId ? `${collectionId}/objects/` : ''}`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.');
  return lines;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the TAXII 2.1 server (sets the store up on first run)')
    .option('--port <port>', 'TCP port, 0 for any free one (default: 8080, or THIQA_PORT)')
    .option('--host <host>', 'address to listen on (default: 127.0.0.1, or THIQA_HOST)')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const context = contextOf(command);
      const config = context.config({ host: options.host, port: options.port });
      const platform = await openPlatform(config);
      let server: RunningServer;
      let result: BootstrapResult;
      let collectionId: string | undefined;
      try {
        result = await bootstrap(platform);
        collectionId = await defaultCollectionId(platform, result);
        server = await startServer(platform, config.host, config.port);
      } catch (error) {
        await platform.close();
        throw error;
      }
      const store = redactUrl(config.databaseUrl);
      // One line of JSON: a supervisor (or a test) reads the address of a server started on port 0 from it.
      if (context.out.json) {
        process.stdout.write(`${JSON.stringify({ url: server.url, discovery: `${server.url}/taxii2/`, store, apiRoot: DEFAULT_API_ROOT, defaultCollectionId: collectionId ?? null, admin: result.admin ?? null })}\n`);
      } else {
        process.stdout.write(`${startLines(server, store, collectionId, result.admin).join('\n')}\n`);
      }
      // The warning lists' index is built now rather than by the first reader of an object (a failure shows then).
      void platform.warningLists.ready().catch(() => undefined);
      // THIQA_SYNC=1: the hub syncs its links in this same process (see `thiqa sync`).
      const syncing = new AbortController();
      const sync = config.federation.syncOnServe
        ? runSync(platform.sync, SYSTEM, syncing.signal, {
            intervalSeconds: config.federation.intervalSeconds,
            pollMs: config.federation.pollMs,
            onReport: (report) => {
              if (!report.ok) process.stderr.write(`thiqa sync: link ${report.link} (${report.peer}): ${report.error?.message ?? ''}\n`);
            },
            onError: (error) => process.stderr.write(`thiqa sync: ${(error as Error).message}\n`),
          })
        : Promise.resolve();
      // Alerts queued by this process or another (an import from the CLI) are delivered from here.
      const alerting = platform.alertDelivery.run(syncing.signal, (error) => process.stderr.write(`thiqa alerts: ${(error as Error).message}\n`));
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          context.out.note(`Received ${signal}: stopping.`);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      syncing.abort();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all([server.close(), sync, alerting]), grace]);
      await platform.close();
      // Connections still open past the grace period would keep the process alive: leave now.
      process.exit(process.exitCode ?? 0);
    });
}
