// readConfiguration: flags over environment over defaults, and one clear error per bad input.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, readConfiguration } from './configuration.js';

describe('readConfiguration', () => {
  it('defaults to 127.0.0.1:4566, ./.portico, info', () => {
    const config = readConfiguration([], {});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4566, logLevel: 'info', example: false, accountId: '000000000000' });
    expect(config.dataDir.endsWith('.portico')).toBe(true);
  });

  it('takes flags over environment variables', () => {
    const config = readConfiguration(['--port', '5000', '--data-dir=/tmp/a=b', '--example'], { PORTICO_PORT: '6000', PORTICO_LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ port: 5000, dataDir: '/tmp/a=b', logLevel: 'debug', example: true });
  });

  it.each([
    [['--bogus'], 'unknown option: --bogus'],
    [['--port'], '--port needs a value'],
    [['--port', '70000'], 'invalid port: 70000'],
    [['--port='], 'invalid port: '],
    [['--port', '0x10'], 'invalid port: 0x10'],
    [['--log-level', 'verbose'], 'invalid log level: verbose (one of fatal, error, warn, info, debug, trace, silent)'],
    [['serve'], 'unexpected argument: serve'],
  ])('refuses %j with %s', (args, message) => {
    expect(() => readConfiguration(args, {})).toThrow(new ConfigurationError(message));
  });

  it('reads the redis url and failure policy (flags over environment; default: memory, fail open)', () => {
    expect(readConfiguration([], {})).toMatchObject({ redisFailurePolicy: 'open' });
    expect(readConfiguration([], {}).redisUrl).toBeUndefined();
    expect(readConfiguration(['--redis-url', 'redis://127.0.0.1:6380', '--redis-failure-policy=closed'], { PORTICO_REDIS_URL: 'redis://other:1' })).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6380',
      redisFailurePolicy: 'closed',
    });
    expect(readConfiguration([], { PORTICO_REDIS_URL: 'redis://h:1', PORTICO_REDIS_FAILURE_POLICY: 'closed' })).toMatchObject({ redisUrl: 'redis://h:1', redisFailurePolicy: 'closed' });
    expect(() => readConfiguration(['--redis-url', 'http://x'], {})).toThrow('invalid redis url: http://x (redis://host:port)');
    expect(() => readConfiguration(['--redis-failure-policy', 'maybe'], {})).toThrow('invalid redis failure policy: maybe (open or closed)');
  });

  it('reads the Lambda scale-out delay (flag over environment; default: the runtime\'s own)', () => {
    expect(readConfiguration([], {}).lambdaScaleOutDelayMs).toBeUndefined();
    expect(readConfiguration(['--lambda-scale-out-delay', '0'], { PORTICO_LAMBDA_SCALE_OUT_DELAY: '20' }).lambdaScaleOutDelayMs).toBe(0);
    expect(readConfiguration([], { PORTICO_LAMBDA_SCALE_OUT_DELAY: '20' }).lambdaScaleOutDelayMs).toBe(20);
    expect(() => readConfiguration(['--lambda-scale-out-delay=-1'], {})).toThrow('invalid lambda scale-out delay: -1 (milliseconds)');
  });

  it('refuses an empty PORTICO_PORT instead of picking a random port', () => {
    expect(() => readConfiguration([], { PORTICO_PORT: '' })).toThrow('invalid port: ');
  });

  it('reads IAM principals from --iam-principals or PORTICO_IAM_PRINCIPALS, refusing a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-config-'));
    const file = join(dir, 'principals.json');
    writeFileSync(file, JSON.stringify([{ accessKeyId: 'AKIDALICE', secretAccessKey: 's', arn: 'arn:aws:iam::111122223333:user/alice' }]));
    expect(readConfiguration([], {}).iamPrincipals).toBeUndefined();
    expect(readConfiguration(['--iam-principals', file], {}).iamPrincipals).toMatchObject([{ accessKeyId: 'AKIDALICE', accountId: '111122223333' }]);
    expect(readConfiguration([], { PORTICO_IAM_PRINCIPALS: file }).iamPrincipals).toHaveLength(1);
    writeFileSync(file, '[{"accessKeyId":"A"}]');
    expect(() => readConfiguration(['--iam-principals', file], {})).toThrow(new ConfigurationError(`${file}: IAM principal 1: secretAccessKey must be a non-empty string`));
    writeFileSync(file, '{');
    expect(() => readConfiguration(['--iam-principals', file], {})).toThrow(`the IAM principals file ${file} is not JSON`);
    expect(() => readConfiguration(['--iam-principals', join(dir, 'none.json')], {})).toThrow(`cannot read the IAM principals file ${join(dir, 'none.json')}`);
    rmSync(dir, { recursive: true });
  });
});
