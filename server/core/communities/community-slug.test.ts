// The URL segment derived from a community's name.
import { describe, expect, it } from 'vitest';
import { communitySlug } from './community-slug.ts';

const none = new Set<string>();

describe('communitySlug', () => {
  it('keeps lower-case ASCII letters and digits, hyphens between words', () => {
    expect(communitySlug('Arab regional CIRTs', none)).toBe('arab-regional-cirts');
    expect(communitySlug('  National CIRT of Sénégal & its constituents!', none)).toBe('national-cirt-of-senegal-its-constituents');
    expect(communitySlug('Global', none)).toBe('global');
    expect(communitySlug('x'.repeat(100), none)).toHaveLength(63);
  });

  it('gives a name without any ASCII letter or digit a random community-<8 hex>', () => {
    const slug = communitySlug('فرق الاستجابة العربية', none);
    expect(slug).toMatch(/^community-[0-9a-f]{8}$/);
    expect(communitySlug('فرق الاستجابة العربية', none)).not.toBe(slug);
  });

  it('moves a reserved segment aside', () => {
    expect(communitySlug('API', new Set(['api', 'taxii2']))).toBe('api-community');
    expect(communitySlug('TAXII 2', new Set(['api', 'taxii2']))).toBe('taxii-2');
  });
});
