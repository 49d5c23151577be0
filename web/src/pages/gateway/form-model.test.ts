import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from '../../../../shared/gateway/testing/examples.ts';
import { RECORD_TYPE_SPECS, RECORD_TYPES } from '../../../../shared/gateway/record-types.ts';
import { validateRecord } from '../../../../shared/gateway/record-validation.ts';
import { emptyValues, fieldOfProblem, formModel, languageOfProblem, languagesOf, problemsByField, recordOf, valuesOf } from './form-model.ts';

describe('the form of a record type', () => {
  it('has every field of the declaration, in its order, each with a control for its kind', () => {
    for (const type of RECORD_TYPES) {
      const model = formModel(type);
      expect(model.map((f) => f.spec.name), type).toEqual(RECORD_TYPE_SPECS[type].fields.map((f) => f.name));
    }
    const controls = Object.fromEntries(formModel('strategy').map((f) => [f.spec.name, f.control]));
    expect(controls).toEqual({
      title: 'texts',
      summary: 'texts',
      source_url: 'literal',
      last_verified: 'date',
      pillars: 'checkboxes',
      indicators: 'picker',
      country: 'country',
      year: 'year',
      status: 'select',
      languages: 'codes',
      document_url: 'literal',
    });
    expect(formModel('exercise').find((f) => f.spec.name === 'date')!.control).toBe('partial-date');
    expect(formModel('legislation').find((f) => f.spec.name === 'kinds')!.options).toContain('data-protection');
    expect(formModel('initiative').find((f) => f.spec.name === 'regions')!.options).toContain('145');
  });

  it('turns an empty form into an empty record', () => {
    for (const type of RECORD_TYPES) expect(recordOf(type, emptyValues(type), ['ar']), type).toEqual({});
  });

  it('gives back every example record from its own form (the correction form starts from the record as it is)', () => {
    for (const type of RECORD_TYPES) {
      const record = EXAMPLE_RECORDS[type];
      const sent = recordOf(type, valuesOf(type, record), languagesOf(type, record));
      expect(sent, type).toEqual(record);
      expect(validateRecord(type, sent).problems, type).toEqual([]);
    }
  });

  it('sends the texts of the chosen languages only, trimmed, and leaves blanks out', () => {
    const values = { ...emptyValues('strategy'), title: { ar: ' الاستراتيجية الوطنية للأمن السيبراني ', en: 'typed, then unticked', fr: '' }, summary: { ar: '   ' } };
    expect(recordOf('strategy', values, ['ar', 'fr'])).toEqual({ title: { ar: 'الاستراتيجية الوطنية للأمن السيبراني' } });
  });

  it('splits lists, reads a year as a number and keeps what is not one for the server to name', () => {
    const values = { ...emptyValues('cirt'), memberships: 'FIRST\n\n  OIC-CERT \n', links: 'https://a.example\r\nhttps://b.example', established: '2009' };
    expect(recordOf('cirt', values, [])).toEqual({ memberships: ['FIRST', 'OIC-CERT'], links: ['https://a.example', 'https://b.example'], established: 2009 });
    expect(recordOf('cirt', { ...values, established: '20O9' }, []).established).toBe('20O9');
    expect(recordOf('strategy', { ...emptyValues('strategy'), languages: 'AR, fr;pt  es،ru' }, []).languages).toEqual(['ar', 'fr', 'pt', 'es', 'ru']);
  });
});

describe('the server’s problems beside their fields', () => {
  it('puts each problem with its field, and those about no field of the form apart', () => {
    const { problems } = validateRecord('strategy', { title: { ar: 'National strategy' }, source_url: 'ftp://x', year: 1800, colour: 'red' });
    const { byField, other } = problemsByField('strategy', problems.map((p) => ({ ...p, field: p.field ?? null })));
    expect([...byField.keys()].sort()).toEqual(['country', 'source_url', 'title', 'year']);
    expect(other.map((p) => p.rule)).toEqual(['gateway-unknown-field']);
    const script = byField.get('title')![0]!;
    expect(script.rule).toBe('gateway-unexpected-script');
    expect(languageOfProblem(script)).toBe('ar');
  });

  it('reads the field from the path when the server names none', () => {
    expect(fieldOfProblem({ rule: 'gateway-too-long', path: '$.summary.fr', message: '', field: null })).toBe('summary');
    expect(fieldOfProblem({ rule: 'gateway-not-an-object', path: '$', message: '' })).toBeUndefined();
    expect(languageOfProblem({ rule: 'gateway-bad-list-item', path: '$.partners[2]', message: '' })).toBeUndefined();
  });
});
