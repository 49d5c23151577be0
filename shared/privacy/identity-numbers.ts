/**
 * National identity numbers whose form, and where one exists, check character are public: each scheme a
 * pattern and a check, as data. A number is reported only when its check holds (the US SSN has none: its
 * form and the numbers never issued are all that is checked). See README.md for the limits.
 */

export interface IdentityScheme {
  /** `es-dni`, `fr-nir`… */
  name: string;
  /** Global; a match is a candidate that `valid` confirms. */
  pattern: RegExp;
  valid: (candidate: string) => boolean;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spain, DNI (8 digits and a letter) and NIE (X, Y or Z, 7 digits, a letter): the letter is the number mod 23. */
function validSpanish(candidate: string): boolean {
  const text = candidate.toUpperCase();
  const digits = text.replace(/^[XYZ]/, (first) => String('XYZ'.indexOf(first)));
  return DNI_LETTERS[Number(digits.slice(0, 8)) % 23] === text[8];
}

/** France, NIR (social security number): 13 characters (Corsica's 2A, 2B counted as 19, 18) and a key 97 − n mod 97. */
function validFrench(candidate: string): boolean {
  const text = candidate.replace(/\s/g, '').toUpperCase();
  const body = text.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(body) % 97n) === Number(text.slice(13));
}

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** China, resident identity card: 17 digits and an ISO 7064 MOD 11-2 check character (0–9 or X). */
function validChinese(candidate: string): boolean {
  const sum = CN_WEIGHTS.reduce((total, weight, i) => total + weight * Number(candidate[i]), 0);
  return '10X98765432'[sum % 11] === candidate[17]!.toUpperCase();
}

/** Russia, SNILS: 9 digits and a 2-digit check, Σ dᵢ·(9−i) reduced mod 101 (100 counts as 00). */
function validRussian(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const sum = [...digits.slice(0, 9)].reduce((total, d, i) => total + Number(d) * (9 - i), 0);
  const check = sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(digits.slice(9));
}

/** United States, SSN: no check digit; area 000, 666 and 900–999, group 00 and serial 0000 are never issued. */
function validUnitedStates(candidate: string): boolean {
  const [area, group, serial] = candidate.split('-') as [string, string, string];
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

export const IDENTITY_SCHEMES: readonly IdentityScheme[] = [
  { name: 'es-dni', pattern: /(?<![\p{L}\p{N}])(?:\d{8}|[XYZ]\d{7})[A-Z](?![\p{L}\p{N}])/giu, valid: validSpanish },
  { name: 'fr-nir', pattern: /(?<![\p{L}\p{N}])[12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2}(?![\p{L}\p{N}])/giu, valid: validFrench },
  { name: 'cn-rid', pattern: /(?<![\p{L}\p{N}])[1-8]\d{16}[\dX](?![\p{L}\p{N}])/giu, valid: validChinese },
  { name: 'ru-snils', pattern: /(?<![\p{L}\p{N}-])\d{3}-\d{3}-\d{3}[ -]\d{2}(?![\p{L}\p{N}-])/gu, valid: validRussian },
  { name: 'us-ssn', pattern: /(?<![\p{L}\p{N}-])\d{3}-\d{2}-\d{4}(?![\p{L}\p{N}-])/gu, valid: validUnitedStates },
];
