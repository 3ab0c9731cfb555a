// The endpoint response seen through the MappingInput interface, so integration response
// `responseParameters` reuse the compiled mapping expressions: `integration.response.header.X`
// reads a backend header, `integration.response.body[.path]` the backend body; stage variables and
// `$context` come from the invocation. Reference §2.4.

import type { EndpointResponse } from '../integrations/compiled-integration.js';
import type { MappingInput } from '../snapshot/mapping-expression.js';

export class EndpointResponseInput implements MappingInput {
  private json: { value: unknown } | undefined;

  constructor(
    private readonly endpoint: EndpointResponse,
    private readonly invocation: MappingInput,
  ) {
    this.json = undefined;
  }

  pathParameter(): undefined {
    return undefined;
  }

  queryValue(): undefined {
    return undefined;
  }

  queryValues(): undefined {
    return undefined;
  }

  headerValue(lowerName: string): string | undefined {
    const values = this.headerValues(lowerName);
    return values === undefined ? undefined : values[values.length - 1];
  }

  headerValues(lowerName: string): readonly string[] | undefined {
    return endpointHeaderValues(this.endpoint.headers, lowerName);
  }

  bodyText(): string {
    const body = this.endpoint.body;
    return typeof body === 'string' ? body : body.toString('utf8');
  }

  bodyJson(): unknown {
    if (this.json === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(this.bodyText()) as unknown;
      } catch {
        value = undefined;
      }
      this.json = { value };
    }
    return this.json.value;
  }

  stageVariable(name: string): string | undefined {
    return this.invocation.stageVariable(name);
  }

  contextValue(path: readonly string[]): string | undefined {
    return this.invocation.contextValue(path);
  }
}

/** The values of a header in a flat endpoint header list (name, value, ...), case-insensitive. */
export function endpointHeaderValues(headers: readonly string[], lowerName: string): string[] | undefined {
  let values: string[] | undefined;
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) (values ??= []).push(headers[i + 1]!);
  }
  return values;
}
