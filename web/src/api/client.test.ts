import { describe, expect, it } from 'vitest';
import { errorOf } from './client.ts';

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('errorOf', () => {
  it('keeps every problem of an input refused whole, with its rule, path and field', async () => {
    const problems = [
      { rule: 'gateway-malformed-url', path: '$.source_url', field: 'source_url', message: 'not an http or https URL' },
      { rule: 'gateway-missing-field', path: '$.country', field: 'country', message: 'required' },
    ];
    const error = await errorOf(answer(400, { error: { code: 'gateway.record_problems', message: 'm', params: { count: 2, field: 'record' }, problems } }));
    expect(error).toMatchObject({ status: 400, code: 'gateway.record_problems', params: { count: 2, field: 'record' } });
    expect(error.problems).toEqual(problems);
  });

  it('has no problems when the answer gives none, or gives something else', async () => {
    expect((await errorOf(answer(404, { error: { code: 'gateway.record_not_found', message: 'm', params: { id: 'x' } } }))).problems).toEqual([]);
    expect((await errorOf(answer(400, { error: { code: 'c', message: 'm', params: {}, problems: [{ nope: 1 }, 'x'] } }))).problems).toEqual([]);
  });

  it('names an answer that is not the REST API’s by its status', async () => {
    const error = await errorOf(new Response('<html>', { status: 502 }));
    expect(error).toMatchObject({ code: 'http.unexpected_status', params: { status: 502 }, problems: [] });
  });
});
