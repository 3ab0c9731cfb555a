// The Lua scripts the Redis TrafficState runs: each is one atomic step on the Redis server, so
// every node sharing the Redis sees one bucket and one counter. Time comes in as ARGV (the caller's
// clock), never from Redis TIME, so injected clocks work and nodes agree on the calendar.

import { createHash } from 'node:crypto';

export interface Script {
  source: string;
  sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * KEYS: n bucket hashes, then (with usage) the period counter and the daily-usage hash.
 * ARGV: now, n, then rate/burst/ttl per bucket, then hasUsage, limit (-1: no quota), day, periodTtl, usageTtl.
 * Returns 0 admitted, 1 throttled, 2 quota exceeded; writes nothing unless admitted.
 */
export const ADMIT = script(`
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local tokens = {}
for i = 1, n do
  local rate = tonumber(ARGV[3 * i])
  local burst = tonumber(ARGV[3 * i + 1])
  local state = redis.call('HMGET', KEYS[i], 't', 'a')
  local t = tonumber(state[1])
  local a = tonumber(state[2])
  if t == nil or a == nil then
    t = burst
    a = now
  elseif now > a then
    t = t + (now - a) * rate / 1000
    a = now
  end
  if t > burst then t = burst end
  if t < 1 then return 1 end
  tokens[i] = { t, a }
end
local base = 3 * n + 3
local hasUsage = tonumber(ARGV[base]) == 1
local limit = tonumber(ARGV[base + 1])
if hasUsage and limit >= 0 then
  local used = tonumber(redis.call('GET', KEYS[n + 1]) or '0')
  if used >= limit then return 2 end
end
for i = 1, n do
  redis.call('HSET', KEYS[i], 't', tostring(tokens[i][1] - 1), 'a', tostring(tokens[i][2]))
  redis.call('PEXPIRE', KEYS[i], ARGV[3 * i + 2])
end
if hasUsage then
  if limit >= 0 then
    redis.call('INCR', KEYS[n + 1])
    redis.call('PEXPIRE', KEYS[n + 1], ARGV[base + 3])
  end
  redis.call('HINCRBY', KEYS[n + 2], ARGV[base + 2], 1)
  redis.call('PEXPIRE', KEYS[n + 2], ARGV[base + 4])
end
return 0
`);

/** KEYS: period counter. ARGV: used, ttl. Sets the period's count (UpdateUsage). */
export const SET_USED = script(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0
`);
