// The per-second requestTime cache must answer what formatting each time answers.

import { describe, expect, it } from 'vitest';
import { formatRequestTime } from './context-variables.js';
import { RequestTimeFormat } from './request-time.js';

describe('RequestTimeFormat', () => {
  it('formats as formatRequestTime does, across second, minute and day boundaries', () => {
    const times = new RequestTimeFormat();
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 500);
    for (let ms = start; ms < start + 3000; ms += 125) expect(times.format(ms)).toBe(formatRequestTime(ms));
    expect(times.format(start)).toBe('31/Dec/2026:23:59:58 +0000');
    expect(times.format(-1)).toBe(formatRequestTime(-1));
  });
});
