// Compiles the statements of a parsed template (text, references, #set, #if, #foreach, macros,
// #define, #break, #stop) into closures over a RenderState. Runs once per template at deploy
// time; the result renders with no parsing. Velocity 1.7 semantics as API Gateway runs them.

import type { MacroDefinition, Node, RefExpr, TemplateAst } from './ast.js';
import { compileCondition, compileExpr, compileRef, type CompileContext } from './compile-expression.js';
import { setIndex, setProperty } from './runtime/dispatch.js';
import { HostObject, isRecord, VtlFault } from './runtime/java-values.js';
import { toJavaString } from './runtime/print.js';
import {
  BREAK, DefineBlock, type Eval, type Exec, ForeachScope, MAX_FOREACH_ITERATIONS, MAX_TOTAL_ITERATIONS, NORMAL, type RenderState, STOP,
} from './runtime/render-state.js';

/** Slots of the variables every render binds, in this order. */
export const BOUND_VARIABLES = ['input', 'util', 'context', 'stageVariables', 'foreach', 'velocityCount', 'velocityHasNext', 'bodyContent'] as const;
const FOREACH = 4;
const VELOCITY_COUNT = 5;
const VELOCITY_HAS_NEXT = 6;
const BODY_CONTENT = 7;

export interface CompiledBody {
  exec: Exec;
  slotCount: number;
}

export function compileTemplateAst(ast: TemplateAst, base: Omit<CompileContext, 'slot' | 'compileBody'>): CompiledBody {
  const slots = new Map<string, number>(BOUND_VARIABLES.map((name, i) => [name, i]));
  const macroBodies = new Map<string, { exec: Exec }>();
  const cc: CompileContext = {
    ...base,
    slot(name) {
      let slot = slots.get(name);
      if (slot === undefined) slots.set(name, (slot = slots.size));
      return slot;
    },
    compileBody: (nodes) => compileNodes(nodes, cc, ast.macros, macroBodies),
  };
  const exec = cc.compileBody(ast.body);
  return { exec, slotCount: slots.size };
}

function sequence(execs: Exec[]): Exec {
  if (execs.length === 0) return () => NORMAL;
  if (execs.length === 1) return execs[0] as Exec;
  return (s) => {
    // hot path
    for (let i = 0; i < execs.length; i++) {
      const r = (execs[i] as Exec)(s);
      if (r !== NORMAL) return r;
    }
    return NORMAL;
  };
}

function compileNodes(nodes: Node[], cc: CompileContext, macros: Map<string, MacroDefinition>, macroBodies: Map<string, { exec: Exec }>): Exec {
  const execs: Exec[] = [];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    const chunk = text;
    execs.push((s) => {
      s.out += chunk;
      return NORMAL;
    });
    text = '';
  };
  for (const node of nodes) {
    if (node.kind === 'text') {
      text += node.text;
      continue;
    }
    if (node.kind === 'macro-call' && !macros.has(node.name)) {
      // AWS: a call to an undefined macro prints its source text (Velocity 1.7 RuntimeMacro); test/conformance/vtl/vtl-directives.ts
      text += node.literal;
      continue;
    }
    if (node.kind === 'reference' && !node.escaped) {
      // the text before a reference prints in the same step (fewer closures per render)
      execs.push(compilePrint(node.ref, node.prefix, text, cc));
      text = '';
      continue;
    }
    flush();
    execs.push(compileNode(node, cc, macros, macroBodies));
  }
  flush();
  return sequence(execs);
}

function compileNode(node: Exclude<Node, { kind: 'text' }>, cc: CompileContext, macros: Map<string, MacroDefinition>, macroBodies: Map<string, { exec: Exec }>): Exec {
  switch (node.kind) {
    case 'reference':
      return node.escaped ? compileOutput(node.ref, node.prefix, cc) : compilePrint(node.ref, node.prefix, '', cc);
    case 'set':
      return compileSet(node.target, compileExpr(node.value, cc), node.at, cc);
    case 'if': {
      const branches = node.branches.map((b) => ({ condition: compileCondition(b.condition, cc), body: cc.compileBody(b.body) }));
      const otherwise = node.otherwise === undefined ? undefined : cc.compileBody(node.otherwise);
      return (s) => {
        for (const branch of branches) if (branch.condition(s)) return branch.body(s);
        return otherwise === undefined ? NORMAL : otherwise(s);
      };
    }
    case 'foreach':
      return compileForeach(cc.slot(node.variable), compileExpr(node.iterable, cc), cc.compileBody(node.body), node.at);
    case 'break':
      return () => BREAK;
    case 'stop':
      return () => STOP;
    case 'define': {
      const slot = cc.slot(node.name);
      const body = cc.compileBody(node.body);
      return (s) => {
        s.vars[slot] = new DefineBlock(s, body);
        return NORMAL;
      };
    }
    case 'macro-call':
      return compileMacroCall(node, cc, macros, macroBodies);
    case 'unsupported': {
      const at = node.at;
      const message = `#${node.directive} is not supported in API Gateway mapping templates (no resource loader)`;
      return (s) => {
        s.at = at;
        throw new VtlFault(message);
      };
    }
  }
}

/** `\$ref` in text: prints the reference's source, `\$x` when x is null (see compilePrint for `$ref`). */
function compileOutput(ref: RefExpr, prefix: string, cc: CompileContext): Exec {
  const value = compileRef(ref, cc, ref.chain.length);
  const whenNull = `${prefix}\\${ref.source}`;
  const whenSet = prefix + ref.source;
  // AWS: `\$x` prints `$x` when x is set, `\$x` when it is null (Velocity 1.7 escaping); test/conformance/vtl/vtl-escapes.ts
  return (s) => {
    const v = value(s);
    s.out += v === null || v === undefined ? whenNull : whenSet;
    return NORMAL;
  };
}

/** Prints a `$ref` value after its backslash `prefix`: null prints nothing (the API Gateway quirk). */
function printValue(s: RenderState, v: unknown, prefix: string): number {
  // hot path
  if (typeof v === 'string') s.out += prefix + v;
  else if (v !== null && v !== undefined) {
    const str = toJavaString(v);
    // AWS: a null reference renders as an empty string, not as its source text; test/conformance/vtl/vtl-operators.ts
    s.out += str === undefined ? prefix : prefix + str;
  } else if (prefix !== '') s.out += prefix;
  return NORMAL;
}

/** `$ref` in text, after the template text `lead` before it (one step for both). */
function compilePrint(ref: RefExpr, prefix: string, lead: string, cc: CompileContext): Exec {
  const value = compileRef(ref, cc, ref.chain.length);
  if (lead === '') return (s) => printValue(s, value(s), prefix);
  return (s) => {
    // hot path: the text prints before the reference is evaluated, as when they were two steps
    s.out += lead;
    return printValue(s, value(s), prefix);
  };
}

function compileSet(target: RefExpr, value: Eval, at: number, cc: CompileContext): Exec {
  const last = target.chain[target.chain.length - 1];
  if (last === undefined) {
    const slot = cc.slot(target.root);
    return (s) => {
      const v = value(s);
      // AWS: #set with a null right-hand side leaves the variable unchanged (Velocity 1.7); test/conformance/vtl/vtl-directives.ts
      if (v !== null && v !== undefined) s.vars[slot] = v;
      return NORMAL;
    };
  }
  const owner = compileRef(target, cc, target.chain.length - 1);
  if (last.kind === 'property') {
    const name = last.name;
    return (s) => {
      const v = value(s);
      if (v === null || v === undefined) return NORMAL;
      const object = owner(s);
      s.at = at;
      setProperty(object, name, v, s);
      return NORMAL;
    };
  }
  if (last.kind === 'index') {
    const index = compileExpr(last.index, cc);
    return (s) => {
      const v = value(s);
      if (v === null || v === undefined) return NORMAL;
      const object = owner(s);
      const key = index(s);
      s.at = at;
      setIndex(object, key, v, s);
      return NORMAL;
    };
  }
  return (s) => {
    value(s);
    return NORMAL;
  };
}

/** What #foreach visits: a list's items, a map's values; anything else is skipped. */
function iterationItems(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value instanceof Map) return [...value.values()];
  if (isRecord(value)) return Object.values(value);
  if (value instanceof HostObject) return value.iterationValues();
  return undefined;
}

function compileForeach(slot: number, iterable: Eval, body: Exec, at: number): Exec {
  return (s) => {
    const items = iterationItems(iterable(s));
    if (items === undefined) return NORMAL;
    const vars = s.vars;
    const saved = vars[slot];
    const savedScope = vars[FOREACH];
    const savedCount = vars[VELOCITY_COUNT];
    const savedHasNext = vars[VELOCITY_HAS_NEXT];
    const scope = new ForeachScope(savedScope instanceof ForeachScope ? savedScope : undefined);
    vars[FOREACH] = scope;
    const size = items.length;
    // AWS: a #foreach visits at most 1,000 items (API Gateway quota; Velocity's directive.foreach.maxloops); test/conformance/vtl/vtl-errors.ts
    const limit = Math.min(size, MAX_FOREACH_ITERATIONS);
    let result = NORMAL;
    try {
      for (let i = 0; i < limit; i++) {
        if (items.length !== size) {
          s.at = at;
          throw new VtlFault('java.util.ConcurrentModificationException');
        }
        if (++s.iterations > MAX_TOTAL_ITERATIONS) {
          s.at = at;
          throw new VtlFault(`Template exceeded ${MAX_TOTAL_ITERATIONS} #foreach iterations in one render`);
        }
        vars[slot] = items[i];
        scope.index = i;
        scope.hasNext = i + 1 < size;
        vars[VELOCITY_COUNT] = i + 1;
        vars[VELOCITY_HAS_NEXT] = scope.hasNext;
        const r = body(s);
        if (r === BREAK) break;
        if (r === STOP) {
          result = STOP;
          break;
        }
        s.checkOutput();
      }
    } finally {
      vars[slot] = saved;
      vars[FOREACH] = savedScope;
      vars[VELOCITY_COUNT] = savedCount;
      vars[VELOCITY_HAS_NEXT] = savedHasNext;
    }
    return result;
  };
}

function compileMacroCall(node: Extract<Node, { kind: 'macro-call' }>, cc: CompileContext, macros: Map<string, MacroDefinition>, macroBodies: Map<string, { exec: Exec }>): Exec {
  const definition = macros.get(node.name);
  if (definition === undefined) {
    const literal = node.literal;
    return (s) => {
      s.out += literal;
      return NORMAL;
    };
  }
  let holder = macroBodies.get(node.name);
  if (holder === undefined) {
    const placeholder: { exec: Exec } = { exec: () => NORMAL };
    macroBodies.set(node.name, placeholder);
    placeholder.exec = cc.compileBody(definition.body);
    holder = placeholder;
  }
  const target = holder;
  const params = definition.params.map((p) => cc.slot(p));
  const args = node.args.map((a) => compileExpr(a, cc));
  const blockBody = node.body === undefined ? undefined : cc.compileBody(node.body);
  const at = node.at;
  const name = `macro '${node.name}'`;
  return (s) => {
    const values = args.map((arg) => arg(s));
    const vars = s.vars;
    const saved = params.map((slot) => vars[slot]);
    const savedBody = vars[BODY_CONTENT];
    s.at = at;
    s.enterCall(name);
    try {
      params.forEach((slot, i) => (vars[slot] = values[i]));
      if (blockBody !== undefined) vars[BODY_CONTENT] = new DefineBlock(s, blockBody);
      const r = target.exec(s);
      s.checkOutput();
      return r === STOP ? STOP : NORMAL;
    } finally {
      s.depth--;
      params.forEach((slot, i) => (vars[slot] = saved[i]));
      vars[BODY_CONTENT] = savedBody;
    }
  };
}
