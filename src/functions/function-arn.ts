// Lambda's ways of naming a function: a name (`my-function`), a partial ARN
// (`123456789012:function:my-function`), a full ARN, each optionally with `:qualifier` (a version,
// `$LATEST` or an alias). AWS Lambda API reference: "FunctionName" request parameter.

export interface FunctionLocator {
  functionName: string;
  qualifier: string | undefined;
  accountId: string | undefined;
  region: string | undefined;
}

const REFERENCE =
  /^(?:arn:aws[a-zA-Z-]*:lambda:)?(?:(?<region>[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):)?(?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9_.-]+)(?::(?<qualifier>\$LATEST|[a-zA-Z0-9_-]+))?$/;

/** Parses a name, partial ARN or ARN; `undefined` when it is none of them. */
export function parseFunctionReference(reference: string): FunctionLocator | undefined {
  const match = REFERENCE.exec(reference);
  const groups = match?.groups;
  if (groups === undefined || groups.name === undefined) return undefined;
  // A bare `arn:...` with a service other than lambda would otherwise parse as a name.
  if (reference.startsWith('arn:') && !/^arn:aws[a-zA-Z-]*:lambda:/.test(reference)) return undefined;
  return { functionName: groups.name, qualifier: groups.qualifier, accountId: groups.account, region: groups.region };
}

/** `arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]` */
export function functionArn(region: string, accountId: string, functionName: string, qualifier?: string): string {
  const arn = `arn:${partitionOf(region)}:lambda:${region}:${accountId}:function:${functionName}`;
  return qualifier === undefined ? arn : `${arn}:${qualifier}`;
}

/** A published version number (`1`, `2`...). */
export function isVersionNumber(qualifier: string): boolean {
  return /^[0-9]+$/.test(qualifier);
}

/** An alias name: not all digits, `[a-zA-Z0-9-_]+`. */
export function isAliasName(qualifier: string): boolean {
  return /^[a-zA-Z0-9_-]+$/.test(qualifier) && !isVersionNumber(qualifier);
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
