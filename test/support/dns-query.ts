/** A minimal DNS client over UDP for tests (one question, answers' A and TXT data): no `dig` is needed. */
import dgram from 'node:dgram';

export interface DnsAnswer {
  rcode: number;
  a: string[];
  txt: string[];
}

function encodeName(name: string): Buffer {
  return Buffer.concat([...name.split('.').filter(Boolean).map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])), Buffer.from([0])]);
}

function skipName(message: Buffer, at: number): number {
  while (message[at] !== 0) {
    if ((message[at]! & 0xc0) === 0xc0) return at + 2;
    at += message[at]! + 1;
  }
  return at + 1;
}

/** Asks `server` (127.0.0.1:port) for `name`'s records of type A (1) or TXT (16). */
export function queryDns(port: number, name: string, type: 1 | 16): Promise<DnsAnswer> {
  const id = Math.floor(Math.random() * 65536);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2);
  header.writeUInt16BE(1, 4);
  const question = Buffer.concat([encodeName(name), Buffer.from([0, type, 0, 1])]);
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error(`no DNS answer for ${name}`))), 5000);
    socket.on('message', (message) => {
      clearTimeout(timer);
      socket.close();
      const rcode = message.readUInt16BE(2) & 0xf;
      const answers = message.readUInt16BE(6);
      let at = skipName(message, 12) + 4;
      const result: DnsAnswer = { rcode, a: [], txt: [] };
      for (let i = 0; i < answers; i++) {
        at = skipName(message, at);
        const rrType = message.readUInt16BE(at);
        const length = message.readUInt16BE(at + 8);
        const data = message.subarray(at + 10, at + 10 + length);
        if (rrType === 1) result.a.push([...data].join('.'));
        if (rrType === 16) result.txt.push(data.subarray(1, 1 + data[0]!).toString('latin1'));
        at += 10 + length;
      }
      resolve(result);
    });
    socket.send(Buffer.concat([header, question]), port, '127.0.0.1');
  });
}
