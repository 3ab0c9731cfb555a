// A resource's path part (`pets`, `{id}`, `{proxy+}`): parsed once when a resource is created or
// renamed, so the control plane and the route-tree compiler agree on what each part means.
// Reference §1.2 (routing rules) and the CreateResource validation AWS applies.

export type PathPart =
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; name: string }
  | { kind: 'greedy'; name: string };

/** AWS: the message CreateResource answers for a malformed part (test: resources.test.ts). */
export const INVALID_PATH_PART_MESSAGE =
  "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.";

// AWS: `:` is accepted besides the documented a-zA-Z0-9._- (test: resources.test.ts "accepts colons").
const NAME = '[a-zA-Z0-9._:-]+';
const LITERAL = new RegExp(`^${NAME}$`);
const VARIABLE = new RegExp(`^\\{(${NAME})\\}$`);
const GREEDY = new RegExp(`^\\{(${NAME})\\+\\}$`);

/** `undefined` when the part is not a valid path part (`{a}{b}`, `a/b`, `pro{xy+}`, ''). */
export function parsePathPart(part: string): PathPart | undefined {
  if (LITERAL.test(part)) return { kind: 'literal', text: part };
  const variable = VARIABLE.exec(part);
  if (variable) return { kind: 'variable', name: variable[1]! };
  const greedy = GREEDY.exec(part);
  if (greedy) return { kind: 'greedy', name: greedy[1]! };
  return undefined;
}

/** Whether a stored path part is a `{name}` or `{name+}` variable. */
export function isVariablePathPart(part: string | undefined): boolean {
  return part !== undefined && part.startsWith('{') && part.endsWith('}');
}

/** Whether a stored path part is a greedy `{name+}` variable. */
export function isGreedyPathPart(part: string | undefined): boolean {
  return part !== undefined && part.startsWith('{') && part.endsWith('+}');
}

/** The full path of a child: `/` + part under the root, else parent path + `/` + part. */
export function childPath(parentPath: string, pathPart: string): string {
  return parentPath === '/' ? `/${pathPart}` : `${parentPath}/${pathPart}`;
}
