// Lambda integration URIs compiled at deploy time: fixed ARNs, stage variables in the name or the
// alias, bare names, and URIs that name no function (reference §1.7).

import { describe, expect, it } from 'vitest';
import { compileLambdaTarget } from './lambda-target.js';

const uri = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`;

describe('compileLambdaTarget', () => {
  it('parses a function ARN, with or without a qualifier', () => {
    expect(compileLambdaTarget(uri('arn:aws:lambda:eu-west-1:000000000000:function:hello')).render({})).toEqual({
      region: 'eu-west-1',
      accountId: '000000000000',
      functionName: 'hello',
      qualifier: undefined,
    });
    expect(compileLambdaTarget(uri('arn:aws:lambda:us-east-1:000000000000:function:hello:live')).render({})?.qualifier).toBe('live');
  });

  it('takes the region of the URI for a bare function name', () => {
    expect(compileLambdaTarget(uri('hello')).render({})).toEqual({ region: 'us-east-1', accountId: undefined, functionName: 'hello', qualifier: undefined });
  });

  it('renders stage variables in the function name and the alias', () => {
    const target = compileLambdaTarget(uri('arn:aws:lambda:us-east-1:000000000000:function:${stageVariables.fn}:${stageVariables.alias}'));
    expect(target.render({ fn: 'hello', alias: 'prod' })).toMatchObject({ functionName: 'hello', qualifier: 'prod' });
    expect(target.render({ fn: 'other', alias: '$LATEST' })).toMatchObject({ functionName: 'other', qualifier: '$LATEST' });
    expect(target.render({})).toBeUndefined();
  });

  it('knows a Lambda URI that names no function from another service', () => {
    const bad = compileLambdaTarget('arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions');
    expect(bad.lambda).toBe(true);
    expect(bad.render({})).toBeUndefined();
    expect(compileLambdaTarget('arn:aws:apigateway:us-east-1:firehose:action/PutRecord').lambda).toBe(false);
  });
});
