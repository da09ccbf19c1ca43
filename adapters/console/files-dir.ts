import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository checkout this code runs from. */
const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));

function inside(dir: string, root: string): boolean {
  const path = relative(root, dir);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * Where the terminal writes the files of its answers (maps, calendars): the folder given with
 * `--files <dir>` (anywhere, the checkout included, since that was asked); else the folder the
 * command was run from (npm's INIT_CWD, since `npm start` moves into the package), unless that
 * is inside the checkout — then a folder of the system's temporary directory, so answers never
 * litter the repository.
 */
export function consoleFilesDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, checkout: string = CHECKOUT): string {
  const index = argv.findIndex((arg) => arg === '--files' || arg.startsWith('--files='));
  const asked = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.slice('--files='.length) : argv[index + 1];
  if (asked) return resolve(env.INIT_CWD ?? cwd, asked);
  const from = resolve(env.INIT_CWD ?? cwd);
  return inside(from, resolve(checkout)) ? join(tmpdir(), 'sheriff-watch') : from;
}
