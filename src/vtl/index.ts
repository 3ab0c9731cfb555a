// Portico's VTL engine: compiles an API Gateway mapping template once (deploy time) into closures
// and renders it per request with $input, $util, $context and $stageVariables bound.
// The contract lives in mapping-template.ts; this module imports nothing else of Portico's.

import { compileTemplateAst } from './compile-template.js';
import { SourceText } from './lexer.js';
import {
  VtlCompileError,
  VtlInvalidJsonError,
  VtlRuntimeError,
  type CompiledMappingTemplate,
  type MappingTemplateInput,
  type MappingTemplateOutput,
} from './mapping-template.js';
import { parseTemplate } from './parser.js';
import { ContextView, RecordView } from './runtime/aws-context.js';
import { InputBinding, JsonPathCache, UtilBinding } from './runtime/aws-input.js';
import { RegexCache } from './runtime/java-regex.js';
import { VtlFault } from './runtime/java-values.js';
import { InvalidJsonFault } from './runtime/json.js';
import { compileJsonPath } from './runtime/jsonpath.js';
import { MAX_OUTPUT_LENGTH, RenderState } from './runtime/render-state.js';

export * from './mapping-template.js';

/** Parses and compiles a mapping template; throws VtlCompileError (1-based line/column) when it cannot parse. */
export function compileMappingTemplate(source: string): CompiledMappingTemplate {
  let ast;
  try {
    ast = parseTemplate(source);
  } catch (error) {
    if (error instanceof VtlCompileError) throw error;
    if (error instanceof RangeError) throw new VtlCompileError('Template nests too deeply', 1, 1);
    throw error;
  }
  const regex = new RegexCache();
  const paths = new JsonPathCache(compileJsonPath);
  const { exec, slotCount } = compileTemplateAst(ast, { regex, paths });
  const util = new UtilBinding();
  const text = new SourceText(source);
  return {
    render(input: MappingTemplateInput): MappingTemplateOutput {
      // hot path
      const vars: unknown[] = new Array<unknown>(slotCount).fill(undefined);
      const context = new ContextView(input.context);
      const state = new RenderState(vars, regex);
      vars[0] = new InputBinding(input, paths, state);
      vars[1] = util;
      vars[2] = context;
      vars[3] = new RecordView(input.stageVariables, false);
      try {
        exec(state);
        state.checkOutput();
      } catch (error) {
        throw runtimeError(error, state.at, text);
      }
      const overrides = context.overrides();
      return { output: state.out, requestOverride: overrides.requestOverride, responseOverride: overrides.responseOverride };
    },
  };
}

function runtimeError(error: unknown, at: number, text: SourceText): VtlRuntimeError {
  const { line, column } = text.locate(at);
  const where = ` at line ${line}, column ${column}`;
  if (error instanceof InvalidJsonFault) return new VtlInvalidJsonError(`Invalid JSON in the payload: ${error.message}${where}`, line, column);
  if (error instanceof VtlFault) return new VtlRuntimeError(error.message + where, line, column);
  if (error instanceof RangeError) return new VtlRuntimeError(`Template exhausted the render limits (${error.message})${where}`, line, column);
  const failure = new VtlRuntimeError(`Template failed: ${error instanceof Error ? error.message : String(error)}${where}`, line, column);
  failure.cause = error;
  return failure;
}

export { MAX_OUTPUT_LENGTH };
