import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { emptyDraft, fieldOfError, splitValues, subscriptionBody } from './alert-form.ts';

describe('the subscription form', () => {
  it('splits labels and types at commas of any script, and watched values only at line ends', () => {
    expect(splitValues(' phishing, ransomware ،botnet，apt\n\n')).toEqual(['phishing', 'ransomware', 'botnet', 'apt']);
    expect(splitValues('198.51.100.7\nhttp://a.example/x?a=1,2\n ', false)).toEqual(['198.51.100.7', 'http://a.example/x?a=1,2']);
  });

  it('sends only what the channel needs, and lists only when they hold values', () => {
    const inApp = subscriptionBody({ ...emptyDraft(), labels: 'phishing', url: 'https://ignored.example', email: 'ignored@example.org' });
    expect(inApp).toEqual({ channel: 'in-app', max_tlp: 'amber+strict', digest: false, labels: ['phishing'] });
    const webhook = subscriptionBody({ ...emptyDraft(), channel: 'webhook', name: ' SOC ', url: ' https://soc.example/hook ', collections: ['c1'], maxTlp: 'green', digest: true });
    expect(webhook).toEqual({ channel: 'webhook', name: 'SOC', url: 'https://soc.example/hook', collections: ['c1'], max_tlp: 'green', digest: true });
    expect(subscriptionBody({ ...emptyDraft(), channel: 'webhook', url: 'https://x.example', secret: 'sixteen-chars-ok' }).secret).toBe('sixteen-chars-ok');
    expect(subscriptionBody({ ...emptyDraft(), channel: 'email', email: ' a@b.example ' })).toMatchObject({ channel: 'email', email: 'a@b.example' });
  });

  it('puts a refusal beside the field the server names, and at the top otherwise', () => {
    expect(fieldOfError(new ApiError(400, 'alert.invalid_url', 'x', { field: 'url', url: 'ftp://x' }))).toBe('url');
    expect(fieldOfError(new ApiError(400, 'alert.invalid_tlp', 'x', { field: 'max_tlp' }))).toBe('max_tlp');
    expect(fieldOfError(new ApiError(404, 'collection.not_found', 'x', { collection: 'c' }))).toBeUndefined();
    expect(fieldOfError(new ApiError(400, 'x', 'x', { field: 'owner' }))).toBeUndefined();
    expect(fieldOfError(undefined)).toBeUndefined();
  });
});
