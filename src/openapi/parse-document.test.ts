// Unit tests of reading an OpenAPI document (JSON, else YAML) and AWS's messages for unreadable input.

import { describe, expect, it } from 'vitest';
import { INVALID_INPUT, NO_IMPORTER, OpenApiInputError, parseOpenApiDocument } from './parse-document.js';

const parse = (text: string) => parseOpenApiDocument(Buffer.from(text, 'utf8'));
const failure = (text: string): string => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(OpenApiInputError);
    return (error as Error).message;
  }
  throw new Error('parsed');
};

describe('parseOpenApiDocument', () => {
  it('reads JSON and YAML, Swagger 2.0 and OpenAPI 3.x', () => {
    expect(parse('{"swagger": "2.0", "info": {"title": "a"}}')).toEqual({ version: 2, root: { swagger: '2.0', info: { title: 'a' } } });
    expect(parse('openapi: 3.0.1\ninfo:\n  title: b\n')).toEqual({ version: 3, root: { openapi: '3.0.1', info: { title: 'b' } } });
    expect(parse('\uFEFF{"openapi": "3.1.0"}').version).toBe(3);
  });

  it('keeps a plain YAML `info.version` as written (`1.0`, not 1)', () => {
    expect(parse('openapi: 3.0.1\ninfo:\n  title: b\n  version: 1.0\n').root.info).toEqual({ title: 'b', version: '1.0' });
    expect(parse('openapi: 3.0.1\ninfo:\n  version: 2\n').root.info).toEqual({ version: '2' });
  });

  it("answers AWS's `Invalid OpenAPI input.` for what is no document (reference §11.2)", () => {
    for (const text of ['', '   ', '{"swagger": ', 'a: [b', 'just words', '[1, 2]', '42']) expect(failure(text)).toBe(INVALID_INPUT);
  });

  it("answers AWS's `Unable to build importer with provided input.` for objects of no supported version", () => {
    for (const text of ['{}', '{"swagger": "1.2"}', '{"openapi": "2.0"}', 'openapi: 4.0.0']) expect(failure(text)).toBe(NO_IMPORTER);
  });
});
