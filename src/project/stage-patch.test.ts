// The UpdateStage patch that makes a stage match portico.yaml: only differing values are
// replaced, variables and method setting keys the project no longer names are removed.

import { describe, expect, it } from 'vitest';
import { renderStagePatch } from './stage-patch.js';

describe('renderStagePatch', () => {
  it('is empty when the stage already matches', () => {
    const stage = { variables: { a: '1' }, methodSettings: { '*/*': { throttlingRateLimit: 10, metricsEnabled: false } } };
    expect(renderStagePatch(stage, { a: '1' }, { '*/*': { throttlingRateLimit: 10 } })).toEqual([]);
  });

  it('replaces changed variables and removes the ones no longer named', () => {
    expect(renderStagePatch({ variables: { a: '1', old: 'x' } }, { a: '2', b: '3' }, {})).toEqual([
      { op: 'replace', path: '/variables/a', value: '2' },
      { op: 'replace', path: '/variables/b', value: '3' },
      { op: 'remove', path: '/variables/old' },
    ]);
  });

  it('writes method settings with AWS patch paths and removes keys no longer named', () => {
    const stage = { methodSettings: { 'pets/GET': { cachingEnabled: true } } };
    expect(renderStagePatch(stage, {}, { '*/*': { throttlingBurstLimit: 5, loggingLevel: 'INFO', cacheTtlInSeconds: 60 } })).toEqual([
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '5' },
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
      { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '60' },
      { op: 'remove', path: '/pets/GET' },
    ]);
  });
});
