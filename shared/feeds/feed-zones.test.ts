// The zones load in the tools they are for: named-checkzone (bind9-utils) for the RPZ and the DNSBL in BIND
// format, rbldnsd for the ip4set dataset, then asked over DNS. Skipped with the reason where a tool is
// missing, failing on CI.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDns } from '../../test/support/dns-query.ts';
import { requireTool, runTool, toolTest } from '../../test/support/external-tool.ts';
import { readJson, referenceBundles } from '../../test/support/reference-data.ts';
import { dnsblNames, rpzIpv4, rpzIpv6, writeDnsblZone, writeRbldnsdDataset, writeRpzZone } from './zone-feed.ts';
import { AWKWARD_OBJECTS, entriesFrom, observable } from './testing/feed-samples.ts';

const reference = referenceBundles().flatMap((file) => (readJson(file) as { objects: Record<string, unknown>[] }).objects);
const entries = entriesFrom([...reference, ...AWKWARD_OBJECTS, observable('domain-name', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.example`)]);
const options = { feedName: 'test "feed" \\ é', serial: 2026120101, zone: 'rpz.thiqa.test' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thiqa-zones-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function checkZone(zone: string, text: string): { status: number | null; output: string } {
  const file = path.join(dir, `${zone}.zone`);
  fs.writeFileSync(file, text);
  return runTool(requireTool('named-checkzone'), ['-k', 'fail', '-i', 'full', zone, file]);
}

describe('RPZ owner names', () => {
  it('reverse addresses after their prefix, IPv6 zero runs as zz', () => {
    expect(rpzIpv4('192.0.2.7')).toBe('32.7.2.0.192.rpz-ip');
    expect(rpzIpv4('223.166.0.0/15')).toBe('15.0.0.166.223.rpz-ip');
    expect(rpzIpv6('2001:db8::1')).toBe('128.1.zz.db8.2001.rpz-ip');
    expect(rpzIpv6('2001:db8:aa::/48')).toBe('48.zz.aa.db8.2001.rpz-ip');
    expect(rpzIpv6('1:0:0:2:0:0:0:3')).toBe('128.3.zz.2.0.0.1.rpz-ip');
  });
});

describe('DNSBL names', () => {
  it('list an address reversed, a block by addresses or octet wildcards, and nothing broader than /8', () => {
    expect(dnsblNames('192.0.2.7')).toEqual(['7.2.0.192']);
    expect(dnsblNames('223.166.0.0/15')).toEqual(['*.166.223', '*.167.223']);
    expect(dnsblNames('198.51.100.0/30')).toEqual(['0.100.51.198', '1.100.51.198', '2.100.51.198', '3.100.51.198']);
    expect(dnsblNames('10.0.0.0/8')).toEqual(['*.10']);
    expect(dnsblNames('10.0.0.0/7')).toEqual([]);
  });
});

describe('zones in BIND format', () => {
  const rpz = toolTest('named-checkzone', 'the RPZ zone passes named-checkzone');
  it.skipIf(rpz.skip)(rpz.name, () => {
    const text = writeRpzZone(entries, options);
    const result = checkZone(options.zone, text);
    expect(result.output).toContain(`loaded serial ${options.serial}`);
    expect(result.status, result.output).toBe(0);
    expect(text).toContain('\nhugesoft.org CNAME .\n*.hugesoft.org CNAME .\n');
    expect(text).toContain('\n15.0.0.166.223.rpz-ip CNAME .\n');
    // Too long under the zone's name: left out rather than break the zone.
    expect(text).not.toContain('aaaaaaaaaa');
  });

  const dnsbl = toolTest('named-checkzone', 'the DNSBL zone passes named-checkzone, with only spam sources and the RFC 5782 test entry');
  it.skipIf(dnsbl.skip)(dnsbl.name, () => {
    const text = writeDnsblZone(entries, { ...options, zone: 'dnsbl.thiqa.test' });
    const result = checkZone('dnsbl.thiqa.test', text);
    expect(result.status, result.output).toBe(0);
    const owners = new Set(text.split('\n').filter((l) => / A 127\.0\.0\.2$/.test(l)).map((l) => l.split(' ')[0]));
    expect([...owners].sort()).toEqual(['*.2.0.192', '*.3.0.192', '2.0.0.127', '9.113.0.203', ...Array.from({ length: 128 }, (_, i) => `${i}.100.51.198`)].sort());
  });
});

/** A free UDP port on 127.0.0.1 (released before rbldnsd binds it). */
async function freePort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('the rbldnsd dataset', () => {
  const loads = toolTest('rbldnsd', 'loads in rbldnsd, which answers listed spam sources with 127.0.0.2 and the reason, and nothing else');
  it.skipIf(loads.skip)(loads.name, async () => {
    const file = path.join(dir, 'spam.ip4set');
    fs.writeFileSync(file, writeRbldnsdDataset(entries, options), { mode: 0o644 });
    // Started as root, rbldnsd reads its files as its own user.
    fs.chmodSync(dir, 0o755);
    const port = await freePort();
    const child = spawn(requireTool('rbldnsd'), ['-n', '-b', `127.0.0.1/${port}`, '-w', dir, '-t', '300', 'dnsbl.thiqa.test:ip4set:spam.ip4set'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          log += chunk.toString();
          if (log.includes('started')) resolve();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`rbldnsd exited (${code}):\n${log}`)));
      });
      expect(log).not.toMatch(/invalid|error|warning/i);
      const listed = await queryDns(port, '9.2.0.192.dnsbl.thiqa.test', 1);
      expect(listed).toEqual({ rcode: 0, a: ['127.0.0.2'], txt: [] });
      expect((await queryDns(port, '9.2.0.192.dnsbl.thiqa.test', 16)).txt).toEqual(['Listed as a spam source by the Thiqa feed test "feed" \\ ?']);
      expect((await queryDns(port, '2.0.0.127.dnsbl.thiqa.test', 1)).a).toEqual(['127.0.0.2']);
      expect((await queryDns(port, '100.166.223.dnsbl.thiqa.test', 1)).rcode).toBe(3);
      for (const absent of ['1.0.0.127', '1.0.18.198', '30.246.10.113']) expect((await queryDns(port, `${absent}.dnsbl.thiqa.test`, 1)).rcode, absent).toBe(3);
    } finally {
      child.kill();
    }
  });
});
