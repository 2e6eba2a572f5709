/**
 * The package version and root directory, read once from package.json (two levels up from both
 * src/ and dist/).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readPackage(): { version: string; root: string | undefined } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'portcullis' && typeof pkg.version === 'string') return { version: pkg.version, root: dir };
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  return { version: '0.0.0', root: undefined };
}

const PACKAGE = readPackage();

/** The Portcullis version. */
export const VERSION = PACKAGE.version;

/** The directory Portcullis is installed in (holding its package.json), when found. */
export const PACKAGE_ROOT: string | undefined = PACKAGE.root;

/** The identity Portcullis presents to clients and servers. */
export const IDENTITY = { name: 'portcullis', title: 'Portcullis MCP Gateway', version: VERSION };
