// Mapping template maps compiled at deploy time: keys normalised to media types, empty templates
// pass through, templates that cannot compile become `broken` slots carrying line and column.

import { describe, expect, it } from 'vitest';
import { compileTemplates, NO_TEMPLATES } from './compile-templates.js';

describe('compileTemplates', () => {
  it('keys templates by media type and remembers the JSON and the first one', () => {
    const templates = compileTemplates({ 'Text/HTML; charset=utf-8': '<p/>', 'application/json': '{}' }, 'integration response 200');
    expect([...templates.byMediaType.keys()]).toEqual(['text/html', 'application/json']);
    expect(templates.first?.name).toBe("integration response 200 template 'Text/HTML; charset=utf-8'");
    expect(templates.json?.kind).toBe('render');
    expect(templates.size).toBe(2);
  });

  it('an empty or null template passes the payload through', () => {
    const templates = compileTemplates({ 'application/json': '', 'text/plain': null }, 'integration request');
    expect(templates.json?.kind).toBe('passthrough');
    expect(templates.byMediaType.get('text/plain')?.kind).toBe('passthrough');
  });

  it('a template that cannot compile becomes a broken slot with line and column', () => {
    const slot = compileTemplates({ 'application/json': '{\n  #if($a\n}' }, 'integration request').json;
    expect(slot).toMatchObject({ kind: 'broken', name: "integration request template 'application/json'" });
    if (slot?.kind !== 'broken') throw new Error('expected a broken slot');
    expect(slot.line).toBeGreaterThanOrEqual(2);
    expect(slot.column).toBeGreaterThan(0);
  });

  it('no templates compile to the shared empty map', () => {
    expect(compileTemplates(undefined, 'x')).toBe(NO_TEMPLATES);
    expect(compileTemplates({}, 'x')).toBe(NO_TEMPLATES);
  });
});
