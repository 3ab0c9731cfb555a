// GetModelTemplate (`GET /restapis/{id}/models/{name}/default_template`): the VTL mapping template
// skeleton API Gateway generates from a model — `$inputRoot` fields for an object, a `#foreach`
// over `$elem` for an array, strings quoted. Wording from AWS-generated samples; exact whitespace
// UNCONFIRMED (pinned by models.test.ts).

import { isSchemaObject, type JsonValue, type SchemaObject } from '../../model/model-schema.js';

/** Follows `$ref`s (to other models or inside the schema); the schema itself when it has none. */
export type SchemaResolver = (node: SchemaObject) => SchemaObject;

const MAX_DEPTH = 32;

function kindOf(schema: SchemaObject): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isSchemaObject(schema.properties)) return 'object';
  return schema.items === undefined ? 'unknown' : 'array';
}

export function renderModelTemplate(schema: SchemaObject, resolve: SchemaResolver): string {
  const lines = ["#set($inputRoot = $input.path('$'))"];
  const root = resolve(schema);
  const kind = kindOf(root);
  if (kind === 'array') {
    lines.push('[');
    emitForeach(lines, root.items, '$inputRoot', resolve, 0);
    lines.push(']');
  } else if (kind === 'object') {
    lines.push('{');
    emitProperties(lines, root, '$inputRoot', '  ', resolve, 0);
    lines.push('}');
  } else {
    lines.push(kind === 'string' ? '"$inputRoot"' : '$inputRoot');
  }
  return lines.join('\n');
}

function emitProperties(lines: string[], schema: SchemaObject, path: string, indent: string, resolve: SchemaResolver, depth: number): void {
  const properties = isSchemaObject(schema.properties) ? Object.entries(schema.properties) : [];
  properties.forEach(([name, value], i) => {
    const comma = i < properties.length - 1 ? ',' : '';
    const property = isSchemaObject(value) ? resolve(value) : {};
    const kind = depth < MAX_DEPTH ? kindOf(property) : 'unknown';
    const ref = `${path}.${name}`;
    if (kind === 'object') {
      lines.push(`${indent}"${name}" : {`);
      emitProperties(lines, property, ref, `${indent}  `, resolve, depth + 1);
      lines.push(`${indent}}${comma}`);
    } else if (kind === 'array') {
      lines.push(`${indent}"${name}" : [`);
      emitForeach(lines, property.items, ref, resolve, depth + 1);
      lines.push(`${indent}]${comma}`);
    } else {
      lines.push(kind === 'string' ? `${indent}"${name}" : "${ref}"${comma}` : `${indent}"${name}" : ${ref}${comma}`);
    }
  });
}

function emitForeach(lines: string[], items: JsonValue | undefined, collection: string, resolve: SchemaResolver, depth: number): void {
  const item = isSchemaObject(items) ? resolve(items) : {};
  const kind = depth < MAX_DEPTH ? kindOf(item) : 'unknown';
  lines.push('##TODO: Update this foreach loop to reference array from input json', `#foreach($elem in ${collection})`);
  if (kind === 'object') {
    lines.push(' {');
    emitProperties(lines, item, '$elem', '  ', resolve, depth + 1);
    lines.push('} ');
  } else if (kind === 'array') {
    lines.push(' [');
    emitForeach(lines, item.items, '$elem', resolve, depth + 1);
    lines.push('] ');
  } else {
    lines.push(kind === 'string' ? ' "$elem"' : ' $elem');
  }
  lines.push('#if($foreach.hasNext),#end', '#end');
}
