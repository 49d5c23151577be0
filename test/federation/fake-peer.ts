/**
 * A TAXII 2.1 server that answers whatever a test tells it to, for peers that misbehave: objects pages (with
 * `X-TAXII-Date-Added-Last`), or any status and body.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePeer {
  /** The API root URL, ending in `/`. */
  url: string;
  /** Requests seen, as `METHOD path?query`. */
  seen: string[];
  close(): Promise<void>;
}

export type Answer = { status: number; body: string; headers?: Record<string, string> };

export async function startFakePeer(answer: (method: string, url: URL) => Answer, answersRoot = false): Promise<FakePeer> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    seen.push(`${request.method} ${url.pathname}${url.search}`);
    request.resume();
    request.on('end', () => {
      // The API root, which a client reads first for its max_content_length, unless the test answers it.
      const apiRoot: Answer = { status: 200, body: JSON.stringify({ title: 'Fake', versions: ['application/taxii+json;version=2.1'], max_content_length: 10_000_000 }) };
      const { status, body, headers = {} } = url.pathname === '/root/' && !answersRoot ? apiRoot : answer(request.method ?? 'GET', url);
      response.writeHead(status, { 'content-type': 'application/taxii+json;version=2.1', ...headers });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/root/`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An objects page as a TAXII server sends it. */
export function page(objects: unknown[], last: string, more = false): Answer {
  return { status: 200, body: JSON.stringify({ more, objects }), headers: { 'x-taxii-date-added-first': last, 'x-taxii-date-added-last': last } };
}
