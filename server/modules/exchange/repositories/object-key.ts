/**
 * `id_key`: a 52-bit hash of a STIX id (FNV-1a and a multiplicative mix, 32 bits each), stored as an integer so the id index
 * is small. Different ids may share a key; every lookup also compares `stix_id`, so a collision costs a
 * comparison, never a wrong answer. 52 bits stay exact in a JavaScript number.
 */
export function idKey(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) >>> 12);
}
