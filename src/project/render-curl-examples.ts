// The curl lines `portico serve DIR` prints for each method of an API's OpenAPI file: path
// parameters filled with their `example` (else their name), the request body's `example`, and
// the `x-api-key` header when the method's security names an apiKey scheme.

import { parse } from 'yaml';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'x-amazon-apigateway-any-method'];

type Json = Record<string, unknown>;

const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** One curl line per method; `apiKey` is the value to send where a key is required. */
export function renderCurlExamples(definition: string, baseUrl: string, apiKey: string | undefined): string[] {
  let document: Json;
  try {
    document = object(parse(definition));
  } catch {
    return [];
  }
  const schemes = object(object(document.components).securitySchemes ?? document.securityDefinitions);
  const lines: string[] = [];
  for (const [path, rawItem] of Object.entries(object(document.paths))) {
    const item = object(rawItem);
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const operation = object(item[method]);
      const parameters = [...asArray(item.parameters), ...asArray(operation.parameters)].map(object);
      const filled = path.replace(/\{([^}+]+)\+?\}/g, (_all, name: string) => {
        const parameter = parameters.find((candidate) => candidate.name === name);
        return encodeURIComponent(String(parameter?.example ?? name));
      });
      const parts = ['curl'];
      const verb = method === 'x-amazon-apigateway-any-method' ? 'GET' : method.toUpperCase();
      if (verb !== 'GET') parts.push('-X', verb);
      const needsKey = asArray(operation.security).some((requirement) => Object.keys(object(requirement)).some((name) => object(schemes[name]).type === 'apiKey'));
      if (needsKey && apiKey !== undefined) parts.push('-H', `'x-api-key: ${apiKey}'`);
      const example = object(object(object(operation.requestBody).content)['application/json']).example;
      if (example !== undefined) parts.push('-H', `'content-type: application/json'`, '-d', `'${JSON.stringify(example)}'`);
      parts.push(baseUrl.replace(/\/$/, '') + filled);
      lines.push(parts.join(' '));
    }
  }
  return lines;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
