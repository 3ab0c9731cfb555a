// The frame codec between the runtime and a Node.js worker: whole, split and batched chunks, and
// INVOKE frames' binary header.
import { describe, expect, test } from 'vitest';
import { FRAME_INVOKE, FRAME_LOG, FrameDecoder, decodeInvokeBody, framePrefix, invokeFrameBound, writeInvokeFrame, type InvokeHeader } from './frames.js';

function collect(): { frames: Array<[number, string]>; decoder: FrameDecoder } {
  const frames: Array<[number, string]> = [];
  return { frames, decoder: new FrameDecoder((type, body) => frames.push([type, body.toString('utf8')])) };
}

const log = (text: string): Buffer => Buffer.concat([framePrefix(FRAME_LOG, Buffer.byteLength(text)), Buffer.from(text)]);

describe('FrameDecoder', () => {
  test('several frames in one chunk', () => {
    const { frames, decoder } = collect();
    decoder.push(Buffer.concat([log('a'), log('bé'), log('')]));
    expect(frames).toEqual([
      [FRAME_LOG, 'a'],
      [FRAME_LOG, 'bé'],
      [FRAME_LOG, ''],
    ]);
  });

  test('a frame split at every byte, including inside the length', () => {
    const { frames, decoder } = collect();
    const bytes = Buffer.concat([log('hello'), log('world')]);
    for (let i = 0; i < bytes.length; i++) decoder.push(bytes.subarray(i, i + 1));
    expect(frames).toEqual([
      [FRAME_LOG, 'hello'],
      [FRAME_LOG, 'world'],
    ]);
  });

  test('a large frame over many chunks is joined once complete', () => {
    const { frames, decoder } = collect();
    const text = 'x'.repeat(200_000);
    const bytes = log(text);
    for (let i = 0; i < bytes.length; i += 65_536) decoder.push(bytes.subarray(i, i + 65_536));
    expect(frames).toHaveLength(1);
    expect(frames[0]?.[1]).toHaveLength(200_000);
  });
});

describe('INVOKE frames', () => {
  // Each frame is written after another one in the same buffer, as the runtime batches them.
  const roundTrip = (header: InvokeHeader, payload: Buffer | string): { header: InvokeHeader; payload: Buffer } => {
    const first: InvokeHeader = { r: 'first', l: 1, a: 'arn:first' };
    const batch = Buffer.alloc(invokeFrameBound(first, '{}') + invokeFrameBound(header, payload));
    const end = writeInvokeFrame(batch, writeInvokeFrame(batch, 0, first, '{}'), header, payload);
    const received: Buffer[] = [];
    new FrameDecoder((type, body) => {
      expect(type).toBe(FRAME_INVOKE);
      received.push(body);
    }).push(batch.subarray(0, end));
    expect(received).toHaveLength(2);
    expect(decodeInvokeBody(received[0]!).header).toEqual(first);
    return decodeInvokeBody(received[1]!);
  };

  test('carry the header and a Buffer payload', () => {
    const { header, payload } = roundTrip({ r: 'id-1', l: 3000, a: 'arn:x', c: '{"k":1}' }, Buffer.from('{"event":true}'));
    expect(header).toEqual({ r: 'id-1', l: 3000, a: 'arn:x', c: '{"k":1}' });
    expect(payload.toString()).toBe('{"event":true}');
  });

  test('carry a string payload, non-ASCII text and empty strings as they are; absent fields stay absent', () => {
    const { header, payload } = roundTrip({ r: 'id-2', l: 900_000, a: '', t: 'Root=1-é;Parent=ü' }, '{"name":"Zoë ☃"}');
    expect(header).toEqual({ r: 'id-2', l: 900_000, a: '', t: 'Root=1-é;Parent=ü' });
    expect(header).not.toHaveProperty('c');
    expect(payload.toString('utf8')).toBe('{"name":"Zoë ☃"}');
  });

  test('fit in invokeFrameBound whatever the text: 3-byte characters, surrogate pairs, lone surrogates', () => {
    // The last two are long enough to be measured exactly rather than bounded.
    for (const text of ['☃'.repeat(1000), '😀'.repeat(500), `a${'\ud800'}b`.repeat(300), '☃'.repeat(70_000), `a${'\ud800'}😀`.repeat(30_000)]) {
      const header: InvokeHeader = { r: text.slice(0, 10), l: 1, a: text.slice(0, 20), t: text.slice(0, 30) };
      const { header: decoded, payload } = roundTrip(header, text);
      expect(decoded).toEqual({ ...header, r: Buffer.from(header.r).toString(), a: Buffer.from(header.a).toString(), t: Buffer.from(header.t!).toString() });
      expect(payload.toString('utf8')).toBe(Buffer.from(text).toString('utf8'));
    }
  });

  test('reserve no more than the exact size for a large event', () => {
    const event = `{"body":"${'x'.repeat(1_000_000)}"}`;
    expect(invokeFrameBound({ r: 'id', l: 1, a: 'arn' }, event)).toBeLessThan(event.length + 100);
  });
});
