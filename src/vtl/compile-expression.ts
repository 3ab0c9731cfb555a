// Compiles VTL expressions and references to JavaScript closures, once per template. Literal
// JSONPath and parameter arguments to $input are resolved here so rendering does no parsing.
// Truthiness follows Velocity 1.7's evaluate(): only references, booleans and operators can be true.

import type { Expr, Node, RefExpr } from './ast.js';
import { InputBinding, UtilBinding, type JsonPathCache } from './runtime/aws-input.js';
import { ArgumentMismatch, checkedSize, checkedString } from './runtime/java-args.js';
import type { RegexCache } from './runtime/java-regex.js';
import { getIndex, getProperty, invokeMethod } from './runtime/dispatch.js';
import { isJavaNumber, sizedJavaList, toDouble, VtlFault } from './runtime/java-values.js';
import { add, arithmetic, isTruthy, relational, velocityEquals } from './runtime/operators.js';
import type { Eval, Exec, RenderState } from './runtime/render-state.js';

export interface CompileContext {
  slot(name: string): number;
  regex: RegexCache;
  paths: JsonPathCache;
  compileBody(nodes: Node[]): Exec;
}

type Condition = (s: RenderState) => boolean;

/** The argument list of every no-argument call (methods only read their arguments). */
const NO_ARGUMENTS: unknown[] = Object.freeze([]) as unknown as unknown[];

export function compileExpr(e: Expr, cc: CompileContext): Eval {
  switch (e.kind) {
    case 'literal': {
      const value = e.value;
      return () => value;
    }
    case 'interpolated': {
      const body = cc.compileBody(e.body);
      return (s) => checkedString(s.capture(body));
    }
    case 'ref':
      return compileRef(e, cc, e.chain.length);
    case 'list': {
      const items = e.items.map((item) => compileExpr(item, cc));
      return (s) => {
        const list = sizedJavaList(items.length);
        for (let i = 0; i < items.length; i++) list[i] = items[i]!(s);
        return list;
      };
    }
    case 'map': {
      const entries = e.entries.map(([k, v]) => [compileExpr(k, cc), compileExpr(v, cc)] as const);
      return (s) => {
        const map = new Map<unknown, unknown>();
        for (const [k, v] of entries) map.set(k(s), v(s));
        return map;
      };
    }
    case 'range': {
      const from = compileExpr(e.from, cc);
      const to = compileExpr(e.to, cc);
      return (s) => integerRange(from(s), to(s));
    }
    case 'not': {
      const operand = compileCondition(e.operand, cc);
      return (s) => !operand(s);
    }
    case 'binary':
      return compileBinary(e, cc);
  }
}

/** `[a..b]`: Integers from a to b inclusive (descending when a > b); null unless both are numbers. */
function integerRange(a: unknown, b: unknown): unknown[] | null {
  if (!isJavaNumber(a) || !isJavaNumber(b)) return null;
  const from = Math.trunc(toDouble(a));
  const to = Math.trunc(toDouble(b));
  const size = Math.abs(to - from) + 1;
  checkedSize(size);
  const list = sizedJavaList(size);
  const step = from <= to ? 1 : -1;
  for (let i = 0; i < size; i++) list[i] = from + i * step;
  return list;
}

function sourceOf(e: Expr): string {
  return e.kind === 'ref' ? e.source : '';
}

function compileBinary(e: Extract<Expr, { kind: 'binary' }>, cc: CompileContext): Eval {
  const op = e.op;
  if (op === '&&' || op === '||') {
    const l = compileCondition(e.left, cc);
    const r = compileCondition(e.right, cc);
    return op === '&&' ? (s) => l(s) && r(s) : (s) => l(s) || r(s);
  }
  const l = compileExpr(e.left, cc);
  const r = compileExpr(e.right, cc);
  switch (op) {
    case '==': return (s) => velocityEquals(l(s), r(s));
    case '!=': return (s) => !velocityEquals(l(s), r(s));
    case '<': case '<=': case '>': case '>=': return (s) => relational(l(s), r(s), op);
    case '+': {
      const ls = sourceOf(e.left);
      const rs = sourceOf(e.right);
      return (s) => {
        const value = add(l(s), r(s), ls, rs);
        return typeof value === 'string' ? checkedString(value) : value;
      };
    }
    default: return (s) => arithmetic(l(s), r(s), op);
  }
}

/** Velocity 1.7's Node.evaluate(): literals other than true/false (and arithmetic) are never true. */
export function compileCondition(e: Expr, cc: CompileContext): Condition {
  switch (e.kind) {
    case 'ref': {
      const value = compileRef(e, cc, e.chain.length);
      return (s) => isTruthy(value(s));
    }
    case 'literal': {
      // AWS: #if("text") and #if(1) are false in Velocity 1.7 (SimpleNode.evaluate); test/conformance/vtl/vtl-directives.ts
      const truth = e.value === true;
      return () => truth;
    }
    case 'not': {
      const operand = compileCondition(e.operand, cc);
      return (s) => !operand(s);
    }
    case 'binary': {
      if (['+', '-', '*', '/', '%'].includes(e.op)) return () => false;
      const value = compileBinary(e, cc);
      return (s) => value(s) === true;
    }
    default:
      return () => false;
  }
}

/** A reference evaluated up to `upTo` accessors (the #set target stops one short). */
export function compileRef(ref: RefExpr, cc: CompileContext, upTo: number): Eval {
  const slot = cc.slot(ref.root);
  let current: Eval = (s) => s.vars[slot];
  for (let i = 0; i < upTo; i++) {
    const step = ref.chain[i];
    if (step === undefined) break;
    const prev = current;
    const at = step.at;
    switch (step.kind) {
      case 'property': {
        const name = step.name;
        current = (s) => getProperty(prev(s), name);
        break;
      }
      case 'index': {
        const index = compileExpr(step.index, cc);
        current = (s) => {
          const target = prev(s);
          if (target === null || target === undefined) return null;
          const key = index(s);
          s.at = at;
          return getIndex(target, key);
        };
        break;
      }
      case 'method':
        current = compileMethod(prev, step.name, step.args, at, cc);
        break;
    }
  }
  return current;
}

function compileMethod(prev: Eval, name: string, argExprs: Expr[], at: number, cc: CompileContext): Eval {
  const args = argExprs.map((a) => compileExpr(a, cc));
  const first = argExprs[0];
  const literal = first?.kind === 'literal' && typeof first.value === 'string' ? first.value : undefined;
  const generic: Eval =
    args.length === 0
      ? (s) => {
          // hot path
          const target = prev(s);
          if (target === null || target === undefined) return null;
          s.at = at;
          return invokeMethod(target, name, NO_ARGUMENTS, s.regex, s);
        }
      : (s) => {
          // hot path
          const target = prev(s);
          if (target === null || target === undefined) return null;
          const values: unknown[] = new Array<unknown>(args.length);
          for (let i = 0; i < args.length; i++) values[i] = (args[i] as Eval)(s);
          s.at = at;
          return invokeMethod(target, name, values, s.regex, s);
        };
  /** The generic call on a target the fast paths below already evaluated (a reference is evaluated once). */
  const callOn = (s: RenderState, target: unknown): unknown => {
    if (target === null || target === undefined) return null;
    const values: unknown[] = args.length === 0 ? NO_ARGUMENTS : new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) values[i] = (args[i] as Eval)(s);
    s.at = at;
    return invokeMethod(target, name, values, s.regex, s);
  };
  if (name === 'escapeJavaScript' && args.length === 1) {
    const arg = args[0] as Eval;
    return (s) => {
      // hot path: $util.escapeJavaScript(x) without the generic dispatch (same result, same errors)
      const target = prev(s);
      if (!(target instanceof UtilBinding)) return callOn(s, target);
      const value = arg(s);
      s.at = at;
      try {
        return target.escapeJavaScript(value);
      } catch (error) {
        if (error instanceof ArgumentMismatch) return null;
        throw error;
      }
    };
  }
  if (literal === undefined) return generic;
  if ((name === 'path' || name === 'json') && args.length === 1) {
    let compiled;
    try {
      compiled = cc.paths.get(literal);
    } catch (error) {
      if (error instanceof VtlFault) return generic;
      throw error;
    }
    const path = compiled;
    return name === 'path'
      ? (s) => {
          const target = prev(s);
          if (!(target instanceof InputBinding)) return callOn(s, target);
          s.at = at;
          return target.path(path);
        }
      : (s) => {
          const target = prev(s);
          if (!(target instanceof InputBinding)) return callOn(s, target);
          s.at = at;
          return target.json(path);
        };
  }
  if (name === 'params' && args.length === 1) {
    return (s) => {
      const target = prev(s);
      return target instanceof InputBinding ? target.param(literal) : callOn(s, target);
    };
  }
  if (name === 'matches' || name === 'replaceAll' || name === 'replaceFirst' || name === 'split') {
    try {
      cc.regex.get(literal);
    } catch (error) {
      if (!(error instanceof VtlFault)) throw error;
    }
  }
  return generic;
}
