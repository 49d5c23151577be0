/**
 * The few icons of the UI, inline SVG. Icons that point along the line of text (back, next, open) are drawn
 * for left-to-right and mirrored in right-to-left documents by the `directional` class; the others never are.
 */
const PATHS = {
  next: 'M9 5l7 7-7 7',
  back: 'M15 5l-7 7 7 7',
  upload: 'M12 16V4m0 0l-5 5m5-5l5 5M4 20h16',
  download: 'M12 4v12m0 0l-5-5m5 5l5-5M4 20h16',
  search: 'M11 18a7 7 0 1 1 0-14 7 7 0 0 1 0 14zm5-2l5 5',
} as const;

const DIRECTIONAL = new Set<keyof typeof PATHS>(['next', 'back']);

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className={DIRECTIONAL.has(name) ? 'icon directional' : 'icon'} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
