// readZip against archives from the test zip writer and hand-damaged ones: entries, modes, CRC,
// unsafe names and the unzipped-size limit.

import { describe, expect, it } from 'vitest';
import { createZip } from '../../../test/support/zip.js';
import { readZip, ZipFormatError, ZipTooLargeError } from './read-zip.js';

describe('readZip', () => {
  it('lists files with their content and Unix modes, deflated or stored', () => {
    const zip = createZip({ 'index.js': 'exports.handler = 1;', 'bin/bootstrap': { content: '#!/bin/sh', mode: 0o755, stored: true } });
    const entries = readZip(zip, 1_000_000);
    expect(entries.map((e) => [e.name, e.kind, e.mode])).toEqual([
      ['index.js', 'file', 0o644],
      ['bin/bootstrap', 'file', 0o755],
    ]);
    expect(entries[0]!.read().toString()).toBe('exports.handler = 1;');
    expect(entries[1]!.read().toString()).toBe('#!/bin/sh');
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, just text'), 1000)).toThrow(ZipFormatError);
    expect(() => readZip(Buffer.alloc(0), 1000)).toThrow(ZipFormatError);
  });

  it('detects corrupted content by its CRC', () => {
    const zip = createZip({ 'a.txt': { content: 'hello world', stored: true } });
    zip[30 + 'a.txt'.length] = 'H'.charCodeAt(0);
    const [entry] = readZip(zip, 1000);
    expect(() => entry!.read()).toThrow(ZipFormatError);
  });

  it('refuses entries escaping the package (zip slip)', () => {
    expect(() => readZip(createZip({ '../evil.js': 'x' }), 1000)).toThrow(ZipFormatError);
    expect(() => readZip(createZip({ '/etc/passwd': 'x' }), 1000)).toThrow(ZipFormatError);
  });

  it('enforces the unzipped size limit from the declared sizes', () => {
    expect(() => readZip(createZip({ 'big.txt': 'x'.repeat(2000) }), 1000)).toThrow(ZipTooLargeError);
  });
});
