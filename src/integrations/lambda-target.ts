// Deploy-time compile of a Lambda integration URI, `arn:aws:apigateway:{region}:lambda:path/
// 2015-03-31/functions/{functionArn}/invocations`, into the function it names; `${stageVariables.x}`
// in the function ARN (a name, an alias) is pre-split here and rendered per request. Reference
// §1.7; AWS developer guide "Set up a Lambda proxy integration" (stage variables in the ARN).

import { parseFunctionReference } from '../functions/function-arn.js';

/** The function one request invokes. */
export interface LambdaTarget {
  region: string;
  /** `undefined` when the URI names no account (a bare function name): the API's own account. */
  accountId: string | undefined;
  functionName: string;
  qualifier: string | undefined;
}

export interface CompiledLambdaTarget {
  /** hot path: the target, or `undefined` when the URI (after stage variables) names no function. */
  render(stageVariables: Readonly<Record<string, string>>): LambdaTarget | undefined;
  /** The URI's service is Lambda (the AWS integration serves only these). */
  readonly lambda: boolean;
}

const URI = /^arn:aws[a-zA-Z-]*:apigateway:([a-zA-Z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const STAGE_VARIABLE = /\$\{stageVariables\.([a-zA-Z0-9_]+)\}/g;

export function compileLambdaTarget(uri: string | undefined): CompiledLambdaTarget {
  const match = uri === undefined ? null : URI.exec(uri);
  if (match === null) {
    return { lambda: uri !== undefined && /^arn:aws[a-zA-Z-]*:apigateway:[^:]*:lambda:/.test(uri), render: () => undefined };
  }
  const region = match[1]!;
  const reference = match[2]!;
  if (!reference.includes('${')) {
    const target = parseTarget(region, reference);
    return { lambda: true, render: () => target };
  }
  const parts = splitStageVariables(reference);
  return {
    lambda: true,
    render(stageVariables) {
      let rendered = '';
      for (const part of parts) rendered += typeof part === 'string' ? part : (stageVariables[part.variable] ?? '');
      return parseTarget(region, rendered);
    },
  };
}

function parseTarget(region: string, reference: string): LambdaTarget | undefined {
  const locator = parseFunctionReference(reference);
  if (locator === undefined) return undefined;
  return Object.freeze({ region: locator.region ?? region, accountId: locator.accountId, functionName: locator.functionName, qualifier: locator.qualifier });
}

function splitStageVariables(text: string): Array<string | { variable: string }> {
  const parts: Array<string | { variable: string }> = [];
  let last = 0;
  for (const match of text.matchAll(STAGE_VARIABLE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ variable: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
