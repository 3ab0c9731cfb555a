// The VTL abstract syntax tree produced by the parser and consumed once by the compiler.
// Node shapes follow Apache Velocity 1.7's grammar (Parser.jjt) as API Gateway runs it;
// every node keeps `at`, its source offset, so errors can name a line and column.

/** A step after a reference's root: `.name`, `.name(args)` or `[index]`. */
export type Accessor =
  | { kind: 'property'; name: string; at: number }
  | { kind: 'method'; name: string; args: Expr[]; at: number }
  | { kind: 'index'; index: Expr; at: number };

/** `$root.a.b(1)[2]`; `source` is the literal text Velocity prints for a null operand of `+`. */
export interface RefExpr {
  kind: 'ref';
  root: string;
  chain: Accessor[];
  source: string;
  at: number;
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type Expr =
  | { kind: 'literal'; value: unknown; at: number }
  | { kind: 'interpolated'; body: Node[]; at: number }
  | RefExpr
  | { kind: 'list'; items: Expr[]; at: number }
  | { kind: 'map'; entries: Array<[Expr, Expr]>; at: number }
  | { kind: 'range'; from: Expr; to: Expr; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: 'not'; operand: Expr; at: number };

export interface IfBranch {
  condition: Expr;
  body: Node[];
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'reference'; ref: RefExpr; quiet: boolean; escaped: boolean; prefix: string }
  | { kind: 'set'; target: RefExpr; value: Expr; at: number }
  | { kind: 'if'; branches: IfBranch[]; otherwise: Node[] | undefined; at: number }
  | { kind: 'foreach'; variable: string; iterable: Expr; body: Node[]; at: number }
  | { kind: 'break'; at: number }
  | { kind: 'stop'; at: number }
  | { kind: 'define'; name: string; body: Node[]; at: number }
  | { kind: 'macro-call'; name: string; args: Expr[]; body: Node[] | undefined; literal: string; at: number }
  | { kind: 'unsupported'; directive: string; at: number };

export interface MacroDefinition {
  name: string;
  params: string[];
  body: Node[];
  at: number;
}

export interface TemplateAst {
  body: Node[];
  macros: Map<string, MacroDefinition>;
}
