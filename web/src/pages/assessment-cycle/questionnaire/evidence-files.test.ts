import { describe, expect, it } from 'vitest';
import { EVIDENCE_ACCEPT, evidenceTypeOf } from './evidence-files.ts';

describe('evidence files', () => {
  it('sends a file as the browser’s type when the server takes it, else as its extension says', () => {
    expect(evidenceTypeOf({ name: 'law.pdf', type: 'application/pdf' })).toBe('application/pdf');
    expect(evidenceTypeOf({ name: 'Strategy.ODT', type: '' })).toBe('application/vnd.oasis.opendocument.text');
    expect(evidenceTypeOf({ name: 'plan.docx', type: 'application/octet-stream' })).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(evidenceTypeOf({ name: 'photo.JPG', type: '' })).toBe('image/jpeg');
  });

  it('leaves a type the server refuses as it is, for the server to name', () => {
    expect(evidenceTypeOf({ name: 'archive.zip', type: 'application/zip' })).toBe('application/zip');
    expect(evidenceTypeOf({ name: 'noextension', type: '' })).toBe('application/octet-stream');
  });

  it('offers the extensions and types in the file picker', () => {
    expect(EVIDENCE_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.pdf', '.odt', 'image/png', 'text/plain']));
  });
});
