// Runs the VTL conformance corpus (test/conformance/vtl/*.ts): every case compiles and renders its
// template with Portico's engine and must produce exactly what API Gateway produces.
// AWS developer guide: "API Gateway mapping template and access logging variable reference".

import { describe, expect, it } from 'vitest';
import { compileMappingTemplate, VtlCompileError, VtlInvalidJsonError, VtlRuntimeError, type MappingTemplateInput } from '../../src/vtl/index.js';
import { DEFAULT_CONTEXT, type VtlCase } from './vtl/vtl-case.js';
import { COLLECTION_CASES } from './vtl/vtl-collections.js';
import { CONTEXT_CASES } from './vtl/vtl-context.js';
import { DIRECTIVE_CASES } from './vtl/vtl-directives.js';
import { ERROR_CASES } from './vtl/vtl-errors.js';
import { ESCAPE_CASES } from './vtl/vtl-escapes.js';
import { INPUT_CASES } from './vtl/vtl-input.js';
import { JSONPATH_CASES } from './vtl/vtl-jsonpath.js';
import { OPERATOR_CASES } from './vtl/vtl-operators.js';
import { REALISTIC_CASES } from './vtl/vtl-realistic.js';
import { REFERENCE_CASES } from './vtl/vtl-references.js';
import { STRING_CASES } from './vtl/vtl-string-methods.js';
import { UTIL_CASES } from './vtl/vtl-util.js';
import { WHITESPACE_CASES } from './vtl/vtl-whitespace.js';

const SUITES: Record<string, VtlCase[]> = {
  references: REFERENCE_CASES,
  directives: DIRECTIVE_CASES,
  whitespace: WHITESPACE_CASES,
  escapes: ESCAPE_CASES,
  operators: OPERATOR_CASES,
  'string methods': STRING_CASES,
  collections: COLLECTION_CASES,
  input: INPUT_CASES,
  jsonpath: JSONPATH_CASES,
  util: UTIL_CASES,
  context: CONTEXT_CASES,
  errors: ERROR_CASES,
  realistic: REALISTIC_CASES,
};

function inputOf(c: VtlCase): MappingTemplateInput {
  return {
    body: c.input?.body ?? '',
    params: { path: c.input?.params?.path ?? {}, querystring: c.input?.params?.querystring ?? {}, header: c.input?.params?.header ?? {} },
    context: c.input?.context ?? DEFAULT_CONTEXT,
    stageVariables: c.input?.stageVariables ?? {},
  };
}

describe('VTL conformance corpus', () => {
  it('holds at least 200 cases, each naming the fact it pins', () => {
    const all = Object.values(SUITES).flat();
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const c of all) expect(c.fact.length, c.name).toBeGreaterThan(10);
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
  });

  for (const [suite, cases] of Object.entries(SUITES)) {
    describe(suite, () => {
      for (const c of cases) {
        it(c.name, () => {
          if (c.error === 'compile') {
            let thrown: unknown;
            try {
              compileMappingTemplate(c.template);
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(VtlCompileError);
            if (c.errorLine !== undefined) expect((thrown as VtlCompileError).line).toBe(c.errorLine);
            if (c.errorColumn !== undefined) expect((thrown as VtlCompileError).column).toBe(c.errorColumn);
            return;
          }
          const template = compileMappingTemplate(c.template);
          if (c.error !== undefined) {
            let thrown: unknown;
            try {
              template.render(inputOf(c));
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(c.error === 'invalid-json' ? VtlInvalidJsonError : VtlRuntimeError);
            if (c.errorLine !== undefined) expect((thrown as VtlRuntimeError).line).toBe(c.errorLine);
            return;
          }
          const result = template.render(inputOf(c));
          expect(result.output).toBe(c.output);
          if (c.requestOverride) expect(result.requestOverride).toEqual({ header: {}, path: {}, querystring: {}, ...c.requestOverride });
          if (c.responseOverride) expect(result.responseOverride).toEqual({ header: {}, status: undefined, ...c.responseOverride });
        });
      }
    });
  }
});
