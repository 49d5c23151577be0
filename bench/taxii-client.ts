/**
 * The benchmark's TAXII 2.1 client: `fetch` with the TAXII media type and a credential, nothing else, so
 * that what is timed is the server. Only 127.0.0.1 is ever contacted.
 */

export const TAXII = 'application/taxii+json;version=2.1';

/** Per request: a stuck server fails the run instead of hanging it. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface TaxiiTarget {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The Authorization header value. */
  authorization: string;
  /** The objects path of the collection under test, e.g. `/thiqa/collections/<id>/objects/`. */
  objectsPath: string;
}

export interface TaxiiReply {
  status: number;
  headers: Headers;
  text: string;
  /** Time to the whole body, in ms. */
  ms: number;
}

/** One request; `body` is sent as it is (already JSON text). */
export async function request(target: TaxiiTarget, pathAndQuery: string, body?: string): Promise<TaxiiReply> {
  if (!target.url.startsWith('http://127.0.0.1:')) throw new Error(`the benchmark talks to 127.0.0.1 only, not ${target.url}`);
  const headers: Record<string, string> = { accept: TAXII, authorization: target.authorization };
  if (body !== undefined) headers['content-type'] = TAXII;
  const started = performance.now();
  const response = await fetch(`${target.url}${pathAndQuery}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, ms: performance.now() - started };
}

/** Like `request`, but throws unless the status is `expected`. */
export async function requestOk(target: TaxiiTarget, pathAndQuery: string, expected: number, body?: string): Promise<TaxiiReply> {
  const reply = await request(target, pathAndQuery, body);
  if (reply.status !== expected) throw new Error(`${body === undefined ? 'GET' : 'POST'} ${pathAndQuery} answered ${reply.status}: ${reply.text.slice(0, 500)}`);
  return reply;
}

/** A page of an objects listing: the parsed envelope. */
export interface Envelope {
  more?: boolean;
  next?: string;
  objects?: unknown[];
}

/** GETs a page and parses it (a real client has to). */
export async function getPage(target: TaxiiTarget, query: string): Promise<{ reply: TaxiiReply; envelope: Envelope }> {
  const reply = await requestOk(target, `${target.objectsPath}?${query}`, 200);
  return { reply, envelope: JSON.parse(reply.text) as Envelope };
}
