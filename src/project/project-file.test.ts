// portico.yaml parsing: defaults and absolute paths, and every mistake reported with the file,
// line and column a user would open (YAML syntax, schema violations, unknown references).

import { describe, expect, it } from 'vitest';
import { ProjectFileError } from './project-file-error.js';
import { createProjectFileParser } from './project-file.js';

const parser = createProjectFileParser();
const FILE = '/projects/shop/portico.yaml';

function errorOf(text: string): ProjectFileError {
  try {
    parser.parse(text, FILE);
  } catch (error) {
    if (error instanceof ProjectFileError) return error;
    throw error;
  }
  throw new Error('expected a ProjectFileError');
}

describe('a valid project file', () => {
  it('fills in defaults and resolves paths against the file directory', () => {
    const project = parser.parse(
      ['functions:', '  greet:', '    handler: index.handler', '    code: fn/greet', 'apis:', '  shop:', '    openapi: api/openapi.yaml', '    variables: {n: 1}', ''].join('\n'),
      FILE,
    );
    expect(project).toMatchObject({ name: 'shop', region: 'us-east-1', dir: '/projects/shop' });
    expect(project.functions[0]).toMatchObject({ name: 'greet', code: '/projects/shop/fn/greet', runtime: 'nodejs20.x', timeout: 3, memorySize: 128, line: 2 });
    expect(project.apis[0]).toMatchObject({ name: 'shop', openapi: '/projects/shop/api/openapi.yaml', stage: 'dev', basepath: 'ignore', variables: { n: '1' }, line: 6 });
  });

  it('an empty file is an empty project', () => {
    expect(parser.parse('', FILE)).toMatchObject({ functions: [], apis: [], apiKeys: [], usagePlans: [], userPools: [] });
  });
});

describe('mistakes carry file, line and column', () => {
  it('a YAML syntax error', () => {
    const error = errorOf('apis:\n  shop:\n    openapi: [unclosed\n');
    expect(error.file).toBe(FILE);
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/^\/projects\/shop\/portico\.yaml:\d+:\d+: /);
  });

  it('a duplicate key', () => {
    const error = errorOf('apis:\n  shop:\n    openapi: a.yaml\n  shop:\n    openapi: b.yaml\n');
    expect(error.line).toBe(4);
    expect(error.detail).toMatch(/unique/i);
  });

  it('an unknown property points at the property name', () => {
    const error = errorOf('functions:\n  greet:\n    handler: index.handler\n    code: fn\n    handlr: x\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:5:5: functions.greet: unknown property handlr');
  });

  it('a missing required property points at its entry', () => {
    const error = errorOf('apis:\n  shop:\n    stage: dev\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:3:5: apis.shop: missing required property openapi');
  });

  it('a value out of range points at the value', () => {
    const error = errorOf('functions:\n  greet:\n    handler: index.handler\n    code: fn\n    timeout: 901\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:5:14: functions.greet.timeout must be <= 900');
  });

  it('a value outside an enumeration lists the allowed values', () => {
    const error = errorOf('usagePlans:\n  basic:\n    quota: {limit: 10, period: YEAR}\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:3:32: usagePlans.basic.quota.period must be one of DAY, WEEK, MONTH');
  });

  it('an invalid name points at the name', () => {
    const error = errorOf('apis:\n  shop:\n    openapi: a.yaml\n    stage: my-stage\n');
    expect(error.message).toMatch(/^\/projects\/shop\/portico\.yaml:4:12: apis\.shop\.stage must match pattern/);
  });

  it('a usage plan naming an API the project does not have', () => {
    const error = errorOf('apis:\n  shop:\n    openapi: a.yaml\nusagePlans:\n  basic:\n    apis: [shop, shoes]\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:6:18: usagePlans.basic.apis: no API named shoes in apis');
  });

  it('a usage plan naming an API key the project does not have', () => {
    const error = errorOf('usagePlans:\n  basic:\n    apiKeys:\n      - gold\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:4:9: usagePlans.basic.apiKeys: no API key named gold in apiKeys');
  });

  it('a top-level value of the wrong type', () => {
    const error = errorOf('apis: [a, b]\n');
    expect(error.message).toBe('/projects/shop/portico.yaml:1:7: apis must be object');
  });
});
