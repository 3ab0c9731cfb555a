// IPv4 and IPv6 addresses and CIDR ranges for the IpAddress / NotIpAddress condition operators on
// `aws:SourceIp`: parsed once when a policy is compiled, matched per request. A single address is
// its own /32 (/128). IAM User Guide "IAM JSON policy elements: Condition operators" (IP address).

import { isIPv4, isIPv6 } from 'node:net';

export interface IpRange {
  readonly version: 4 | 6;
  /** The network address as a 32- or 128-bit integer. */
  readonly network: bigint;
  readonly prefix: number;
}

/** `192.0.2.0/24`, `203.0.113.7`, `2001:db8::/32`, `::1`; `undefined` when not an address or range. */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const value = parseIpAddress(address);
  if (value === undefined) return undefined;
  const bits = value.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  return { version: value.version, network: value.value & mask(prefix, bits), prefix };
}

export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

/** An IPv4 or IPv6 address (an IPv4-mapped IPv6 address `::ffff:a.b.c.d` is read as IPv4). */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (isIPv4(text)) return { version: 4, value: ipv4Value(text) };
  if (!isIPv6(text)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped !== null) return { version: 4, value: ipv4Value(mapped[1]!) };
  return { version: 6, value: ipv6Value(text) };
}

export function ipInRange(address: IpAddress, range: IpRange): boolean {
  if (address.version !== range.version) return false;
  return (address.value & mask(range.prefix, range.version === 4 ? 32 : 128)) === range.network;
}

function mask(prefix: number, bits: number): bigint {
  if (prefix === 0) return 0n;
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(text: string): bigint {
  let head = text;
  let tail = '';
  const gap = text.indexOf('::');
  if (gap >= 0) {
    head = text.slice(0, gap);
    tail = text.slice(gap + 2);
  }
  const groups = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const v4 = ipv4Value(piece);
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else out.push(parseInt(piece, 16));
    }
    return out;
  };
  const first = groups(head);
  const last = groups(tail);
  const all = [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
  return all.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}
