// The invocation signal: aborts once, tells listeners, and bridges to a standard AbortSignal.

import { describe, expect, it } from 'vitest';
import { InvocationSignal } from './invocation-signal.js';

describe('InvocationSignal', () => {
  it('calls current listeners once with the reason set, never removed ones', () => {
    const signal = new InvocationSignal();
    const calls: string[] = [];
    const kept = () => calls.push(`kept:${String(signal.reason)}`);
    const removed = () => calls.push('removed');
    signal.addEventListener('abort', kept);
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    signal.abort('first');
    signal.abort('second');
    expect(calls).toEqual(['kept:first']);
    expect(signal.aborted).toBe(true);
  });

  it('bridges to a standard AbortSignal, before or after the abort', () => {
    const before = new InvocationSignal();
    const standard = before.toAbortSignal();
    before.abort('why');
    expect([standard.aborted, standard.reason]).toEqual([true, 'why']);
    const after = new InvocationSignal();
    after.abort('late');
    expect(after.toAbortSignal().reason).toBe('late');
  });
});
