// What the fast path between the runtime and a Node.js worker must keep: events far larger than a
// pipe's buffer arrive whole (a frame is written directly, the rest queued in order), and
// `_X_AMZN_TRACE_ID`, which the Node.js Lambda runtime sets in process.env per invocation (removed
// when the invocation has none), is held in JS rather than setenv(3), yet seen by the function and
// the processes it spawns exactly as on Lambda.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { defineFunction, invoke, startRuntime, type TestRuntime } from '../fixtures/functions/runtime-harness.js';

let t: TestRuntime;
beforeAll(async () => {
  t = await startRuntime();
});
afterAll(() => t.close());

const trace = defineFunction('node-trace', { functionName: 'trace' });
const echo = defineFunction('node-basics', { handler: 'index.echo', functionName: 'echo' });

test('events and results far larger than the pipe buffer arrive whole, back to back', async () => {
  // AWS: a synchronous invocation's payload may be up to 6 MB; 3 MB of multi-byte text here.
  const big = { text: 'é€'.repeat(600_000), n: 1 };
  const [first, second] = await Promise.all([invoke(t.runtime, echo, big), invoke(t.runtime, echo, { ...big, n: 2 })]);
  expect(first.body).toEqual({ event: big });
  expect(second.body).toEqual({ event: { ...big, n: 2 } });
  const small = await invoke(t.runtime, echo, { after: true });
  expect(small.body).toEqual({ event: { after: true } });
});

test('many invocations sent ahead in one turn, past one batch buffer, each get their own event', async () => {
  await invoke(t.runtime, echo, { warm: true });
  // Some 6 KB of worst-case UTF-8 bound each: a turn's INVOKE frames span several 32 KB buffers.
  const events = Array.from({ length: 40 }, (_, n) => ({ n, text: `${n}:`.padEnd(2000, 'x') }));
  const results = await Promise.all(events.map((event) => invoke(t.runtime, echo, event)));
  expect(results.map((result) => result.body)).toEqual(events.map((event) => ({ event })));
});

test('each invocation sees its own trace id, in every view of process.env', async () => {
  const first = await invoke(t.runtime, trace, {}, { traceId: 'Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0' });
  expect(first.body).toEqual({ value: 'Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0', has: true, listed: true, spread: 'Root=1-00000001-aaaaaaaaaaaaaaaaaaaaaaaa;Sampled=0', region: 'us-east-1' });
  const second = await invoke(t.runtime, trace, {}, { traceId: 'Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0' });
  expect((second.body as { value: string }).value).toBe('Root=1-00000002-bbbbbbbbbbbbbbbbbbbbbbbb;Sampled=0');
});

test('an invocation without a trace id has no _X_AMZN_TRACE_ID', async () => {
  await invoke(t.runtime, trace, {}, { traceId: 'Root=1-00000003-cccccccccccccccccccccccc' });
  const { body } = await invoke(t.runtime, trace, {});
  expect(body).toEqual({ value: null, has: false, listed: false, spread: null, region: 'us-east-1' });
});

test('a process the function spawns inherits the trace id', async () => {
  const { body } = await invoke(t.runtime, trace, { child: true }, { traceId: 'Root=1-00000004-dddddddddddddddddddddddd' });
  expect((body as { child: string }).child).toBe('Root=1-00000004-dddddddddddddddddddddddd');
});

test('the function may set or delete the variable itself; the next invocation gets its own', async () => {
  await invoke(t.runtime, trace, { set: 'Root=1-custom' }, { traceId: 'Root=1-00000005-eeeeeeeeeeeeeeeeeeeeeeee' });
  const after = await invoke(t.runtime, trace, { child: true, remove: true }, { traceId: 'Root=1-00000006-ffffffffffffffffffffffff' });
  expect(after.body).toMatchObject({ value: 'Root=1-00000006-ffffffffffffffffffffffff', child: 'Root=1-00000006-ffffffffffffffffffffffff' });
  const next = await invoke(t.runtime, trace, {});
  expect(next.body).toMatchObject({ value: null, has: false });
});
