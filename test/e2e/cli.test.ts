// The `portico` command as a user meets it: help and version, and every start-up mistake reported
// as one line on stderr with exit code 1 (no stack trace). Runs the built CLI (bin/portico.js).

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, freePort, runPortico, type CompletedRun } from '../support/spawn-portico.js';

const INVOKE_URL_FORMS = [
  'http://{apiId}.execute-api.localhost:{port}/{stage}/{path}',
  'http://127.0.0.1:{port}/_aws/execute-api/{apiId}/{stage}/{path}',
  'http://127.0.0.1:{port}/restapis/{apiId}/{stage}/_user_request_/{path}',
];

let scratch: string;
beforeAll(async () => {
  assertCliBuilt();
  scratch = await mkdtemp(join(tmpdir(), 'portico-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A user error: exactly one line on stderr, no stack trace, exit code 1. */
function expectOneLineError(run: CompletedRun, line: string | RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (typeof line === 'string') expect(run.stderr.trimEnd()).toBe(line);
  else expect(run.stderr.trimEnd()).toMatch(line);
}

describe('help and version', () => {
  it.each([['--help'], ['-h'], ['help']])('`portico %s` prints the usage and exits 0', async (flag) => {
    const run = await runPortico([flag]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: portico <command>/);
    expect(run.stdout).toContain('serve');
    expect(run.stdout).toContain('--version');
  });

  it.each([[['serve', '--help']], [['serve', '--port', '1', '-h']], [['help', 'serve']]])(
    '`portico %j` prints the serve options and invoke URLs, and does not start',
    async (args) => {
      const run = await runPortico(args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Usage: portico serve/);
      for (const option of ['--port N', '--host H', '--data-dir DIR', '--log-level L', '--example']) expect(run.stdout).toContain(option);
      for (const variable of ['PORTICO_PORT', 'PORTICO_HOST', 'PORTICO_DATA_DIR', 'PORTICO_LOG_LEVEL']) expect(run.stdout).toContain(variable);
      for (const form of INVOKE_URL_FORMS) expect(run.stdout).toContain(form);
    },
  );

  it('`portico --version` prints the version of package.json', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runPortico(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('`portico` alone prints the usage on stderr and exits 1', async () => {
    const run = await runPortico([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: portico <command>/);
  });
});

describe('command-line mistakes', () => {
  it('an unknown command', async () => {
    expectOneLineError(await runPortico(['frobnicate']), 'portico: unknown command: frobnicate (see portico --help)');
  });

  it('an unknown option', async () => {
    expectOneLineError(await runPortico(['serve', '--bogus', '1']), 'portico: unknown option: --bogus (see portico serve --help)');
  });

  it('an option without its value', async () => {
    expectOneLineError(await runPortico(['serve', '--port']), 'portico: --port needs a value (see portico serve --help)');
  });

  it('an invalid port, from a flag or from PORTICO_PORT', async () => {
    expectOneLineError(await runPortico(['serve', '--port', '70000']), 'portico: invalid port: 70000 (see portico serve --help)');
    expectOneLineError(await runPortico(['serve'], { PORTICO_PORT: 'http' }), 'portico: invalid port: http (see portico serve --help)');
  });
});

describe('start-up failures', () => {
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    takenPort = await freePort();
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('a port already in use', async () => {
    const run = await runPortico(['serve', '--port', String(takenPort), '--data-dir', join(scratch, 'taken')]);
    expectOneLineError(run, `portico: port ${takenPort} on 127.0.0.1 is already in use`);
  });

  it('a port already in use, named by PORTICO_PORT (flags and environment both configure)', async () => {
    const run = await runPortico(['serve'], { PORTICO_PORT: String(takenPort), PORTICO_DATA_DIR: join(scratch, 'taken-env') });
    expectOneLineError(run, `portico: port ${takenPort} on 127.0.0.1 is already in use`);
  });

  it('a data dir that cannot be created (its parent is a regular file)', async () => {
    // Tests may run as root, where permission bits do not stop writes; a file in the path always does.
    const file = join(scratch, 'a-regular-file');
    await writeFile(file, 'not a directory');
    const dataDir = join(file, 'data');
    const run = await runPortico(['serve', '--port', String(await freePort()), '--data-dir', dataDir]);
    expectOneLineError(run, `portico: the data dir ${dataDir} is not writable`);
  });

  it('a data dir whose store file is not a database', async () => {
    const dataDir = join(scratch, 'corrupt');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'portico.db'), 'garbage that is not an SQLite file '.repeat(40));
    const run = await runPortico(['serve', '--port', String(await freePort()), '--data-dir', dataDir]);
    expectOneLineError(run, /^portico: cannot open the SQLite store at .*portico\.db: /);
  });
});
