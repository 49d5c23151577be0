/**
 * Granular marking selectors (§7.2.3.1): dot-separated property names, dictionary keys and `[n]` list indexes,
 * rooted at the marked object, that MUST select content actually present in it.
 */
import { isRecord, show } from './checker.ts';
import type { Checker } from './checker.ts';

const INDEX = /^\[(0|[1-9][0-9]*)\]$/;

/** Why `selector` selects nothing in `object`, or undefined when it resolves. */
export function explainSelector(object: Record<string, unknown>, selector: string): string | undefined {
  if (selector === '') return 'it is empty';
  let current: unknown = object;
  let walked = '';
  for (const component of selector.split('.')) {
    const index = INDEX.exec(component);
    if (index) {
      if (!Array.isArray(current)) return `${walked || 'the object'} is not a list, so ${component} selects nothing`;
      const position = Number(index[1]);
      if (position >= current.length) return `${walked} has ${current.length} item(s), so ${component} is out of range`;
      current = current[position];
    } else {
      if (!isRecord(current)) return `${walked} is not an object, so "${component}" selects nothing`;
      if (!Object.hasOwn(current, component)) return `${walked ? `${walked} has` : 'the object has'} no "${component}"`;
      current = current[component];
    }
    walked = walked ? `${walked}.${component}` : component;
  }
  return undefined;
}

/** Reports every selector of the object's granular markings that does not resolve. */
export function checkGranularSelectors(object: Record<string, unknown>, c: Checker): void {
  const markings = object.granular_markings;
  if (!Array.isArray(markings)) return;
  for (let i = 0; i < markings.length; i++) {
    const marking: unknown = markings[i];
    if (!isRecord(marking) || !Array.isArray(marking.selectors)) continue;
    const selectors: unknown[] = marking.selectors;
    for (let j = 0; j < selectors.length; j++) {
      const selector = selectors[j];
      if (typeof selector !== 'string') continue; // reported as a wrong type already
      const reason = explainSelector(object, selector);
      if (reason !== undefined) {
        c.enter('granular_markings');
        c.enter(i);
        c.enter('selectors');
        c.report('granular-marking-selector', `Selector ${show(selector)} does not resolve: ${reason}.`, j);
        c.leave();
        c.leave();
        c.leave();
      }
    }
    if (typeof object.id === 'string' && marking.marking_ref === object.id) {
      c.enter('granular_markings');
      c.enter(i);
      c.report('circular-marking', 'A granular marking must not reference the object it marks.', 'marking_ref');
      c.leave();
      c.leave();
    }
  }
}
