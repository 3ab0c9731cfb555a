// The AWS_PROXY (payload 1.0) event as JSON text, written directly instead of JSON.stringify over
// the event object: building that object and its JSON was the largest single share of an AWS_PROXY
// call in the gateway on Node 20 (a constant event saved some 5 µs a request). The parts that change only with the method, stage or deployment
// served (resource, ids, stage variables) are kept as text per integration; only the request's
// own strings are escaped. The text is exactly JSON.stringify(createProxyEvent(invocation))
// (test: lambda-proxy-event.test.ts).

import type { ContextIdentity, ContextVariables } from '../data-plane/context-variables.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import { eventBody, eventHeaders, eventQuery } from './lambda-proxy-event.js';

/** What JSON.stringify escapes in a string: `"`, `\`, control characters, and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string's JSON text without its quotes: the quotes sit in the text around it, one piece less to join. */
function escaped(value: string): string {
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value).slice(1, -1) : value;
}

function jsonString(value: string): string {
  return `"${escaped(value)}"`;
}

function jsonNullable(value: string | null | undefined): string {
  return value === null || value === undefined ? 'null' : `"${escaped(value)}"`;
}

function jsonStringMap(map: Readonly<Record<string, string>> | null): string {
  if (map === null) return 'null';
  let json = '{';
  for (const name in map) json += `${json.length === 1 ? '"' : ',"'}${escaped(name)}":"${escaped(map[name]!)}"`;
  return `${json}}`;
}

const NO_VALUES = Object.freeze({ single: 'null', multi: 'null' });

/**
 * A single- and a multi-value map (headers, query) from the multi-value map alone: the single one
 * holds each name's last value, in the same order. Each name and value is escaped once for both
 * (names too: TestInvokeMethod's headers never went through an HTTP parser).
 */
function valueMapsJson(multi: Readonly<Record<string, readonly string[]>> | null): { single: string; multi: string } {
  if (multi === null) return NO_VALUES;
  let single = '{';
  let list = '{';
  for (const name in multi) {
    const values = multi[name]!;
    const key = `${single.length === 1 ? '"' : ',"'}${escaped(name)}":`;
    let value = escaped(values[0]!);
    list += `${key}["${value}"`;
    for (let i = 1; i < values.length; i++) {
      value = escaped(values[i]!);
      list += `,"${value}"`;
    }
    list += ']';
    single += `${key}"${value}"`;
  }
  return { single: `${single}}`, multi: `${list}}` };
}

const IDENTITY_HEAD =
  '{"accessKey":null,"accountId":null,"apiKey":null,"apiKeyId":null,"caller":null,"cognitoAuthenticationProvider":null,"cognitoAuthenticationType":null,"cognitoIdentityId":null,"cognitoIdentityPoolId":null,"principalOrgId":null,"sourceIp":';

/** An anonymous call's identity (no API key, no SigV4 caller) around fixed text; others in full. */
function identityJson(identity: ContextIdentity): string {
  if (identity.accessKey === null && identity.accountId === null && identity.apiKey === null && identity.apiKeyId === null && identity.caller === null && identity.user === null && identity.userArn === null) {
    return `${IDENTITY_HEAD}"${escaped(identity.sourceIp)}","user":null,"userAgent":${jsonNullable(identity.userAgent)},"userArn":null}`;
  }
  return JSON.stringify(identity);
}

/** The event's text around the request's own values, for one method on one stage and deployment. */
interface Fragments {
  resourcePath: string | null;
  accountId: string;
  apiId: string;
  deploymentId: string;
  resourceId: string | null;
  stage: string;
  stageVariables: Readonly<Record<string, string>>;
  /** `{"resource":…,"path":"` */
  head: string;
  /** `,"stageVariables":…,"requestContext":{"accountId":…,"apiId":…` */
  context: string;
  /** `,"deploymentId":…,"domainName":"` */
  deployment: string;
  /** `,"resourceId":…,"resourcePath":…,"stage":…},"body":` */
  tail: string;
}

/** One per compiled AWS_PROXY integration: remembers the fragments of the stage it last served. */
export class ProxyEventWriter {
  #fragments: Fragments | undefined;

  // hot path
  write(invocation: IntegrationInvocation): string {
    const vars = invocation.vars;
    const fragments = this.fragmentsFor(vars, invocation.stageVariables);
    const headers = eventHeaders(invocation);
    const headerMaps = valueMapsJson(headers.multi);
    const queryMaps = valueMapsJson(eventQuery(invocation.rawQuery));
    const body = eventBody(invocation, headers.contentType);
    const pathParameters = invocation.route.pathParameters;
    const authorizer = vars.authorizer;
    return (
      `${fragments.head}${escaped(invocation.path)}","httpMethod":"${escaped(invocation.httpMethod)}"` +
      `,"headers":${headerMaps.single},"multiValueHeaders":${headerMaps.multi}` +
      `,"queryStringParameters":${queryMaps.single},"multiValueQueryStringParameters":${queryMaps.multi}` +
      `,"pathParameters":${pathParameters === undefined ? 'null' : jsonStringMap(emptyAsNull(pathParameters))}` +
      fragments.context +
      (authorizer === undefined || authorizer === null ? '' : `,"authorizer":${JSON.stringify(authorizer)}`) +
      `${fragments.deployment}${escaped(vars.domainName)}","domainPrefix":"${escaped(vars.domainPrefix)}"` +
      `,"extendedRequestId":"${escaped(vars.extendedRequestId)}","httpMethod":"${escaped(vars.httpMethod)}"` +
      `,"identity":${identityJson(vars.identity)},"path":"${escaped(vars.path)}","protocol":"${escaped(vars.protocol)}"` +
      `,"requestId":"${escaped(vars.requestId)}","requestTime":"${escaped(vars.requestTime)}","requestTimeEpoch":${JSON.stringify(vars.requestTimeEpoch)}` +
      `${fragments.tail}${jsonNullable(body.text)},"isBase64Encoded":${body.base64 ? 'true' : 'false'}}`
    );
  }

  private fragmentsFor(vars: ContextVariables, stageVariables: Readonly<Record<string, string>>): Fragments {
    const last = this.#fragments;
    if (
      last !== undefined &&
      last.resourcePath === vars.resourcePath &&
      last.accountId === vars.accountId &&
      last.apiId === vars.apiId &&
      last.deploymentId === vars.deploymentId &&
      last.resourceId === vars.resourceId &&
      last.stage === vars.stage &&
      last.stageVariables === stageVariables
    ) {
      return last;
    }
    const fragments: Fragments = {
      resourcePath: vars.resourcePath,
      accountId: vars.accountId,
      apiId: vars.apiId,
      deploymentId: vars.deploymentId,
      resourceId: vars.resourceId,
      stage: vars.stage,
      stageVariables,
      head: `{"resource":${jsonNullable(vars.resourcePath)},"path":"`,
      context: `,"stageVariables":${jsonStringMap(emptyAsNull(stageVariables))},"requestContext":{"accountId":${jsonString(vars.accountId)},"apiId":${jsonString(vars.apiId)}`,
      deployment: `,"deploymentId":${jsonString(vars.deploymentId)},"domainName":"`,
      tail: `,"resourceId":${jsonNullable(vars.resourceId)},"resourcePath":${jsonNullable(vars.resourcePath)},"stage":${jsonString(vars.stage)}},"body":`,
    };
    this.#fragments = fragments;
    return fragments;
  }
}

/** `null` for a map without members (AWS sends `null`, never `{}`). */
function emptyAsNull(map: Readonly<Record<string, string>>): Readonly<Record<string, string>> | null {
  for (const name in map) if (Object.hasOwn(map, name)) return map;
  return null;
}
