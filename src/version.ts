/**
 * The package version, read once from package.json (two levels up from both src/ and dist/).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'portcullis' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

/** The Portcullis version. */
export const VERSION = readVersion();

/** The identity Portcullis presents to clients and servers. */
export const IDENTITY = { name: 'portcullis', title: 'Portcullis MCP Gateway', version: VERSION };
