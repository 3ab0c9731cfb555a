// Per-render state of a compiled template: output buffer, variable slots, limits (foreach,
// total work, macro depth, output size) and the host objects for $foreach and #define blocks.
// One RenderState per render; a broken limit fails that render alone.

import type { RegexCache } from './java-regex.js';
import { HostObject, VtlFault } from './java-values.js';

/** API Gateway quota: iterations of one #foreach (further items are not visited). */
export const MAX_FOREACH_ITERATIONS = 1000;
/** All #foreach iterations of one render (nested loops). */
export const MAX_TOTAL_ITERATIONS = 1_000_000;
/** Velocity's velocimacro.max.depth, also bounding #define recursion. */
export const MAX_CALL_DEPTH = 20;
/** Output bound: API Gateway's 10 MB payload limit. */
export const MAX_OUTPUT_LENGTH = 10 * 1024 * 1024;

/** Statement results: continue, #break (nearest foreach/macro/define), #stop (whole template). */
export const NORMAL = 0;
export const BREAK = 1;
export const STOP = 2;

export type Exec = (s: RenderState) => number;
export type Eval = (s: RenderState) => unknown;

export class RenderState {
  out = '';
  /** Source offset of the construct being evaluated, for error positions. */
  at = 0;
  iterations = 0;
  depth = 0;
  /** Changes made to collections during this render (MutationLog). */
  mutations = 0;

  constructor(
    readonly vars: unknown[],
    readonly regex: RegexCache,
  ) {}

  checkOutput(): void {
    if (this.out.length > MAX_OUTPUT_LENGTH) throw new VtlFault(`Template output exceeds ${MAX_OUTPUT_LENGTH} characters`);
  }

  enterCall(what: string): void {
    if (++this.depth > MAX_CALL_DEPTH) throw new VtlFault(`Max calling depth of ${MAX_CALL_DEPTH} was exceeded in ${what}`);
  }

  /** Renders `exec` into a string of its own (interpolated strings, #define blocks). */
  capture(exec: Exec): string {
    const saved = this.out;
    this.out = '';
    try {
      exec(this);
      return this.out;
    } finally {
      this.out = saved;
    }
  }
}

/** `$foreach` inside a loop: index, count, hasNext, first, last, parent. */
export class ForeachScope extends HostObject {
  index = 0;
  hasNext = false;

  constructor(readonly parent: ForeachScope | undefined) {
    super();
  }

  getProperty(name: string): unknown {
    switch (name) {
      case 'index': return this.index;
      case 'count': return this.index + 1;
      case 'hasNext': return this.hasNext;
      case 'first': return this.index === 0;
      case 'last': return !this.hasNext;
      case 'parent': return this.parent;
      case 'topmost':
        return this.parent === undefined ? this : this.parent.getProperty('topmost');
      default: return undefined;
    }
  }

  invoke(name: string, args: unknown[]): unknown {
    if (args.length > 0) return undefined;
    switch (name) {
      case 'hasNext': case 'getHasNext': return this.hasNext;
      case 'getIndex': return this.index;
      case 'getCount': return this.index + 1;
      case 'isFirst': case 'getFirst': return this.index === 0;
      case 'isLast': case 'getLast': return !this.hasNext;
      case 'getParent': return this.parent;
      default: return undefined;
    }
  }

  toJavaString(): string {
    return '';
  }
}

/** A `#define($name)` block: renders its body, in the current render, each time it is printed. */
export class DefineBlock extends HostObject {
  constructor(
    private readonly state: RenderState,
    private readonly body: Exec,
  ) {
    super();
  }

  getProperty(): unknown {
    return undefined;
  }

  invoke(name: string, args: unknown[]): unknown {
    return name === 'toString' && args.length === 0 ? this.toJavaString() : undefined;
  }

  toJavaString(): string {
    this.state.enterCall('#define');
    try {
      return this.state.capture(this.body);
    } finally {
      this.state.depth--;
    }
  }
}
