/**
 * ISO 3166-1 alpha-2 country codes, checked against Node's ICU data rather than a list of our own.
 *
 * ICU knows more region codes than ISO 3166-1 assigns, so its answer alone is not enough:
 * - unknown codes come back unchanged from `Intl.DisplayNames` (`AA`, `XX`): refused;
 * - withdrawn codes are canonicalised to their successor (`UK` → `GB`, `ZR` → `CD`, `YU` → `RS`): refused, so
 *   one country is never stored under two codes;
 * - ICU also names groupings and codes ISO reserves but does not assign to a country: `EU`, `EZ`, `UN`, the
 *   exceptional reservations (`AC`, `CP`, `CQ`, `DG`, `EA`, `IC`, `TA`), and the user-assigned ranges
 *   (`AA`, `QM`–`QZ`, `XA`–`XZ`, `ZZ`; so `XK` for Kosovo, which ISO has not assigned): refused;
 * - numeric UN M.49 areas (`001`, `150`, `419`) fail the two-letter shape.
 * A regional or international organisation has no country at all (see `organisation-types.ts`).
 */

const SHAPE = /^[A-Z]{2}$/;
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The code in upper case when it is an assigned ISO 3166-1 alpha-2 country code, else undefined. */
export function normaliseCountryCode(input: string): string | undefined {
  const code = input.trim().toUpperCase();
  if (!SHAPE.test(code) || USER_ASSIGNED.test(code) || NOT_COUNTRIES.has(code)) return undefined;
  if (regionNames.of(code) === code) return undefined;
  // A withdrawn code ICU still understands is rewritten to its successor.
  if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) return undefined;
  return code;
}

/** The English name of a valid country code (for people; the UI translates by code). */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

let assigned: readonly string[] | undefined;

/** Every assigned ISO 3166-1 alpha-2 code ICU knows, in code order (computed once). */
export function countryCodes(): readonly string[] {
  if (!assigned) {
    const codes: string[] = [];
    for (let first = 65; first <= 90; first++) {
      for (let second = 65; second <= 90; second++) {
        const code = normaliseCountryCode(String.fromCharCode(first, second));
        if (code) codes.push(code);
      }
    }
    assigned = codes;
  }
  return assigned;
}

/**
 * Every country with its name in `language` (a BCP 47 tag; ICU's own names, as native speakers write them),
 * sorted as that language sorts.
 * @example countryNames('ar').find((c) => c.code === 'EG')?.name === 'مصر'
 */
export function countryNames(language: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(language);
  return countryCodes()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
