// Unit tests of the providerARNs compile: pool ids, stage variables, ARNs that name no pool.

import { describe, expect, it } from 'vitest';
import { compileUserPools, userPoolIdOf } from './compile-user-pools.js';

const ARN = 'arn:aws:cognito-idp:us-east-2:111122223333:userpool/us-east-2_AbC123';

describe('compileUserPools', () => {
  it('reads the pool id of each ARN, once, and skips text that is not a user pool ARN', () => {
    expect(userPoolIdOf(ARN)).toBe('us-east-2_AbC123');
    const pools = compileUserPools([ARN, 'arn:aws:iam::111122223333:role/x', 'arn:aws-cn:cognito-idp:cn-north-1:1:userpool/cn-north-1_Z9']);
    expect(pools.render({})).toEqual(['us-east-2_AbC123', 'cn-north-1_Z9']);
    expect(pools.render({})).toBe(pools.render({ any: 'thing' }));
    expect(compileUserPools(undefined).render({})).toEqual([]);
  });

  it('renders ${stageVariables.x} once per stage variables object (an unset variable names no pool)', () => {
    const pools = compileUserPools(['arn:aws:cognito-idp:us-east-2:111122223333:userpool/${stageVariables.pool}']);
    const staged = Object.freeze({ pool: 'us-east-2_Staged1' });
    const other = Object.freeze({ pool: 'us-east-2_Other2' });
    expect(pools.render(staged)).toEqual(['us-east-2_Staged1']);
    expect(pools.render(staged)).toBe(pools.render(staged));
    expect(pools.render(other)).toEqual(['us-east-2_Other2']);
    expect(pools.render({})).toEqual([]);
  });
});
