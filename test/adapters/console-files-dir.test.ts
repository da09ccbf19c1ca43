import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleFilesDir } from '../../adapters/console/files-dir.ts';

const CHECKOUT = '/home/me/sheriff-watch';

describe('where the terminal writes files', () => {
  it('GIVEN npm start run from a folder outside the checkout THEN files go to that folder', () => {
    expect(consoleFilesDir([], { INIT_CWD: '/home/me/maps' }, CHECKOUT, CHECKOUT)).toBe('/home/me/maps');
    expect(consoleFilesDir([], {}, '/srv/work', CHECKOUT)).toBe('/srv/work');
  });

  it('GIVEN a start from inside the checkout THEN files go to the temporary folder, never into the repository', () => {
    expect(consoleFilesDir([], { INIT_CWD: CHECKOUT }, CHECKOUT, CHECKOUT)).toBe(join(tmpdir(), 'sheriff-watch'));
    expect(consoleFilesDir([], { INIT_CWD: `${CHECKOUT}/docs` }, CHECKOUT, CHECKOUT)).toBe(join(tmpdir(), 'sheriff-watch'));
    // A sibling whose name only starts like the checkout's is outside it.
    expect(consoleFilesDir([], { INIT_CWD: `${CHECKOUT}-maps` }, CHECKOUT, CHECKOUT)).toBe(`${CHECKOUT}-maps`);
  });

  it('GIVEN --files THEN that folder is used, relative to where the command was run, the checkout included', () => {
    expect(consoleFilesDir(['--files', 'out'], { INIT_CWD: CHECKOUT }, CHECKOUT, CHECKOUT)).toBe(`${CHECKOUT}/out`);
    expect(consoleFilesDir(['--lang', 'es', '--files=/tmp/m'], {}, CHECKOUT, CHECKOUT)).toBe('/tmp/m');
  });
});
