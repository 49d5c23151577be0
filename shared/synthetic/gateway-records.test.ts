import { describe, expect, it } from 'vitest';
import { recordLanguages } from '../gateway/record-index.ts';
import { RECORD_TYPES } from '../gateway/record-types.ts';
import { validateRecord } from '../gateway/record-validation.ts';
import { generateGatewayRecords } from './gateway-records.ts';

describe('synthetic Gateway records', () => {
  const records = generateGatewayRecords(7, 3_000);

  it('are valid records of every type, in each of the six languages', () => {
    for (const { type, record } of records) {
      const { record: valid, problems } = validateRecord(type, record);
      expect(problems, JSON.stringify(record)).toEqual([]);
      expect(valid).toEqual(record);
    }
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(RECORD_TYPES));
    expect(new Set(records.flatMap((r) => recordLanguages(r.type, r.record)))).toEqual(new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']));
  });

  it('are the same for the same seed', () => {
    expect(generateGatewayRecords(7, 50)).toEqual(records.slice(0, 50));
    expect(generateGatewayRecords(8, 50)).not.toEqual(records.slice(0, 50));
  });
});
