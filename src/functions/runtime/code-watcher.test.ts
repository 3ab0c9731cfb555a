// Watching a mounted code directory: a change anywhere below it is reported once, debounced.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { watchCodeDirectory } from './code-watcher.js';

test('a change in a nested file is reported, debounced', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'portico-watch-'));
  await mkdir(join(directory, 'src'));
  let changes = 0;
  const watcher = watchCodeDirectory(directory, () => changes++, { debounceMs: 50 });
  try {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeFile(join(directory, 'src', 'app.js'), '1');
    await writeFile(join(directory, 'src', 'app.js'), '2');
    await expect.poll(() => changes, { timeout: 3000 }).toBe(1);
  } finally {
    watcher.close();
    await rm(directory, { recursive: true, force: true });
  }
});
