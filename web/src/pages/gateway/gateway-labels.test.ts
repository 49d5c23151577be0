/**
 * The catalogs name everything the record types declare: each type (with its hint), each field, each value of
 * an enumeration, and each UN M49 area a record may name. The missing-translation check then holds the six
 * languages to the English keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { M49_AREAS, RECORD_TYPE_SPECS, RECORD_TYPES } from '../../../../shared/gateway/record-types.ts';
import { areaKey, fieldKey, typeHintKey, typeKey, valueKey } from './gateway-labels.ts';

type Catalog = { [key: string]: string | Catalog };
const english = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'i18n', 'locales', 'en.json'), 'utf8')) as Catalog;
const has = (key: string) => typeof key.split('.').reduce<Catalog | string | undefined>((at, part) => (typeof at === 'object' ? at[part] : undefined), english) === 'string';

describe('the Gateway’s words', () => {
  it('name every record type, field and value the declarations have', () => {
    const keys = RECORD_TYPES.flatMap((type) => [
      typeKey(type),
      typeHintKey(type),
      ...RECORD_TYPE_SPECS[type].fields.flatMap((field) => [fieldKey(field.name), ...(field.values ?? []).map((value) => valueKey(field.name, value))]),
    ]);
    expect(keys.filter((key) => !has(key))).toEqual([]);
  });

  it('name every UN M49 area, in the Assessment’s catalog or the Gateway’s', () => {
    expect([...M49_AREAS].filter((area) => !has(`assessment.region.${area}`) && !has(areaKey(area)))).toEqual([]);
  });
});
