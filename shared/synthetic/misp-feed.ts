/**
 * Deterministic synthetic MISP events for the benchmark and tests: `events` events of `attributesPerEvent`
 * attributes each, in the mix of types OSINT feeds carry (addresses, domains, URLs, hashes, file names with
 * hashes, e-mail senders, endpoints with ports), about 60 % `to_ids`, a TLP tag and a type tag per event,
 * `Orgc` one of a few organisations. The same seed always gives the same events.
 */
import { uuidV5 } from '../stix/identifier.ts';
import { SeededRandom } from './random.ts';

const NAMESPACE = '9d3f2c1b-5a4e-4f6d-8c7b-1a2b3c4d5e6f';
const TLP = ['tlp:clear', 'tlp:white', 'tlp:green'];
const ORGS = ['CERT Alpha', 'CIRT Beta', 'CSIRT Gamma', 'NCSC Delta'];

/** [type, category, value maker] in rough proportion to what feeds carry. */
const MAKERS: readonly [string, string, (r: SeededRandom, n: number) => string][] = [
  ['ip-dst', 'Network activity', (r) => `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`],
  ['ip-src', 'Network activity', (r) => `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`],
  ['domain', 'Network activity', (r, n) => `host${n}-${r.hex(6)}.example.com`],
  ['hostname', 'Network activity', (r, n) => `www${n}.${r.hex(8)}.example.net`],
  ['url', 'Network activity', (r, n) => `https://${r.hex(8)}.example.org/p/${n}.php`],
  ['md5', 'Payload delivery', (r) => r.hex(32)],
  ['sha1', 'Payload delivery', (r) => r.hex(40)],
  ['sha256', 'Payload delivery', (r) => r.hex(64)],
  ['filename|sha256', 'Payload delivery', (r, n) => `sample${n}.exe|${r.hex(64)}`],
  ['email-src', 'Payload delivery', (r, n) => `sender${n}@${r.hex(6)}.example.com`],
  ['ip-dst|port', 'Network activity', (r) => `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}|${r.int(1, 65535)}`],
  ['filename', 'Artifacts dropped', (r, n) => `dropped${n}-${r.hex(4)}.dll`],
];

/** The events, each `{"Event": …}` as a MISP feed file holds it. */
export function* generateMispEvents(seed: number, events: number, attributesPerEvent: number): Generator<{ Event: Record<string, unknown> }> {
  const random = new SeededRandom(seed);
  let n = 0;
  for (let e = 0; e < events; e++) {
    const timestamp = 1_700_000_000 + e * 3_600;
    const org = random.pick(ORGS);
    const attributes: Record<string, unknown>[] = [];
    for (let a = 0; a < attributesPerEvent; a++, n++) {
      const [type, category, make] = random.pick(MAKERS);
      attributes.push({ uuid: uuidV5(NAMESPACE, `attribute:${seed}:${n}`), type, category, value: make(random, n), to_ids: random.chance(0.6), comment: '', timestamp: String(timestamp - random.int(0, 3_000)), distribution: '5', disable_correlation: false, deleted: false });
    }
    yield {
      Event: {
        uuid: uuidV5(NAMESPACE, `event:${seed}:${e}`),
        info: `Synthetic campaign ${e}`,
        date: new Date(timestamp * 1000).toISOString().slice(0, 10),
        timestamp: String(timestamp),
        publish_timestamp: String(timestamp + 60),
        published: true,
        analysis: '2',
        threat_level_id: String(random.int(1, 4)),
        Orgc: { name: org, uuid: uuidV5(NAMESPACE, `org:${org}`) },
        Tag: [{ name: random.pick(TLP), colour: '#ffffff' }, { name: 'type:OSINT', colour: '#004646' }],
        Attribute: attributes,
      },
    };
  }
}
