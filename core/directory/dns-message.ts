import type { SrvRecord } from 'node:dns';

/** DNS record types this module asks for. */
export const DNS_TYPE = { A: 1, SRV: 33 } as const;

/**
 * Encode a recursive DNS query for one name and type (RFC 1035 §4.1).
 */
export function encodeDnsQuery(id: number, name: string, type: number): Buffer {
  const labels = name.replace(/\.$/, '').split('.');
  if (labels.some((label) => label.length === 0 || label.length > 63 || !/^[\x21-\x7e]+$/.test(label))) {
    throw new RangeError(`"${name}" is not a DNS name that can be queried.`);
  }
  const question = Buffer.concat([...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])), Buffer.from([0])]);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(1, 2);
  return Buffer.concat([header, question, tail]);
}

/** One answer record: its type and its rdata, with names already expanded. */
export type DnsAnswer = { readonly type: number; readonly srv?: SrvRecord; readonly address?: string };

/**
 * Decode a DNS response: check id and status, expand every name, and return the answers.
 *
 * Names may be compressed anywhere, SRV targets included: RFC 2782 says servers should not
 * compress them, but Samba's DNS does, and some resolver libraries then reject the whole
 * answer. Pointers are followed with a hop limit, so a hostile packet cannot loop.
 */
export function decodeDnsResponse(message: Buffer, expectedId: number): DnsAnswer[] {
  if (message.length < 12) throw new RangeError('The DNS answer is too short.');
  if (message.readUInt16BE(0) !== expectedId) throw new RangeError('The DNS answer does not match the query.');
  const flags = message.readUInt16BE(2);
  if ((flags & 0x0200) !== 0) throw new RangeError('The DNS answer was truncated.');
  const rcode = flags & 0x000f;
  if (rcode === 3) return [];
  if (rcode !== 0) throw new RangeError(`The DNS server answered with error code ${rcode}.`);
  const questions = message.readUInt16BE(4);
  const answers = message.readUInt16BE(6);
  let offset = 12;
  for (let index = 0; index < questions; index += 1) offset = readName(message, offset).next + 4;
  const records: DnsAnswer[] = [];
  for (let index = 0; index < answers; index += 1) {
    offset = readName(message, offset).next;
    const type = message.readUInt16BE(offset);
    const length = message.readUInt16BE(offset + 8);
    const data = offset + 10;
    if (data + length > message.length) throw new RangeError('A DNS record runs past the end of the answer.');
    if (type === DNS_TYPE.SRV) {
      const target = readName(message, data + 6).name;
      records.push({
        type,
        srv: { priority: message.readUInt16BE(data), weight: message.readUInt16BE(data + 2), port: message.readUInt16BE(data + 4), name: target },
      });
    } else if (type === DNS_TYPE.A && length === 4) {
      records.push({ type, address: [...message.subarray(data, data + 4)].join('.') });
    }
    offset = data + length;
  }
  return records;
}

function readName(message: Buffer, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let offset = start;
  let next: number | undefined;
  for (let hops = 0; hops < 64; hops += 1) {
    const length = message.readUInt8(offset);
    if (length === 0) return { name: labels.join('.'), next: next ?? offset + 1 };
    if ((length & 0xc0) === 0xc0) {
      next ??= offset + 2;
      offset = message.readUInt16BE(offset) & 0x3fff;
      continue;
    }
    if (offset + 1 + length > message.length) throw new RangeError('A DNS name runs past the end of the answer.');
    labels.push(message.toString('latin1', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  throw new RangeError('A DNS name has too many compression pointers.');
}
