/**
 * The one way the UI speaks to the server: JSON over the REST API at /api/v1/, signed in by the session
 * cookie. Every change carries `X-Thiqa-Request`, which a page of another site cannot send, so the cookie
 * alone never changes anything. A failure becomes an ApiError with the server's code and parameters, which
 * the UI shows in the reader's language from the catalogs (never the server's English text).
 */

export const API = '/api/v1';

/**
 * One problem of an input refused whole (`error.problems`): the rule (its sentence is in the problem
 * catalogs), the JSON path, the field at fault when there is one, and the server's English message.
 */
export interface ApiProblem {
  rule: string;
  path: string;
  field?: string | null;
  message: string;
  line?: number;
  column?: number;
}

/** A refusal or failure answered by the server (or by the network). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Every problem of an input refused for several (a Gateway record, a file); empty otherwise. */
  readonly problems: readonly ApiProblem[];

  constructor(status: number, code: string, message: string, params: Readonly<Record<string, unknown>> = {}, problems: readonly ApiProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.params = params;
    this.problems = problems;
  }
}

const isProblem = (value: unknown): value is ApiProblem =>
  typeof value === 'object' && value !== null && typeof (value as ApiProblem).rule === 'string' && typeof (value as ApiProblem).path === 'string';

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Calls `listener` whenever the server says the session is gone (401), so the app can ask to sign in. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

let language = 'en';

/** The language sent as Accept-Language, so that anything the server words itself matches the UI. */
export function setApiLanguage(tag: string): void {
  language = tag;
}

/** The headers of every request; `X-Thiqa-Request` marks it as made by this UI (see the module comment). */
export function requestHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { accept: 'application/json', 'accept-language': language, 'x-thiqa-request': '1', ...extra };
}

/** Turns a non-2xx response into an ApiError, reading `{"error": {code, message, params, problems}}` when present. */
export async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; params?: unknown; problems?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const problems = Array.isArray(error.problems) ? error.problems.filter(isProblem) : [];
    return new ApiError(response.status, error.code, String(error.message ?? error.code), (error.params as Record<string, unknown>) ?? {}, problems);
  }
  return new ApiError(response.status, 'http.unexpected_status', `HTTP ${response.status}`, { status: response.status });
}

/** A request to the REST API; resolves with the JSON answer. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(body === undefined ? {} : { 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'http.network', String(cause));
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && path !== '/session') for (const listener of signedOutListeners) listener();
    throw error;
  }
  return (await response.json()) as T;
}

/** Query text from the set parameters (empty ones left out), `?`-prefixed, or ''. */
export function queryString(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
