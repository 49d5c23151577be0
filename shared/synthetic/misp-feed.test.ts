// The synthetic MISP events: deterministic, valid MISP every one, and mapped without anything left unmapped.
import { describe, expect, it } from 'vitest';
import { checkEvent, type MispEvent } from '../misp/misp-event.ts';
import { eventToStix, Tally } from '../misp/misp-to-stix.ts';
import { validateObject } from '../stix/index.ts';
import { generateMispEvents } from './misp-feed.ts';

describe('generateMispEvents', () => {
  it('gives the same events for a seed, other events for another', () => {
    expect(JSON.stringify([...generateMispEvents(7, 3, 20)])).toBe(JSON.stringify([...generateMispEvents(7, 3, 20)]));
    expect(JSON.stringify([...generateMispEvents(8, 3, 20)])).not.toBe(JSON.stringify([...generateMispEvents(7, 3, 20)]));
  });

  it('gives events that are valid MISP, whose attribute types are all mapped into valid STIX', () => {
    const tally = new Tally();
    for (const document of generateMispEvents(1, 5, 200)) {
      const { event, problems } = checkEvent(document, 'synthetic.json');
      expect(problems).toEqual([]);
      for (const object of eventToStix(event as MispEvent, tally).objects) expect(validateObject(object).filter((p) => p.severity === 'error'), String(object.id)).toEqual([]);
    }
    expect(tally.attributes).toBe(1000);
    expect(tally.unmappedEntries().filter((e) => e.kind !== 'field')).toEqual([]);
  });
});
