/**
 * `portcullis validate FILE`: load and check a config, print a one-line summary or every problem.
 */
import { ConfigError } from '../config/config-error.js';
import { loadConfigFile } from '../config/load.js';

/** Where `runValidate` writes. */
export interface ValidateOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const STD: ValidateOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Validates `file`: prints `ok: N servers, M profiles` and returns 0, or prints every problem
 * (`file:line:col path: …; expected …`) to stderr and returns 1.
 */
export async function runValidate(file: string, io: ValidateOutput = STD): Promise<number> {
  try {
    const config = await loadConfigFile(file);
    const servers = Object.keys(config.servers).length;
    const profiles = Object.keys(config.profiles).length;
    io.out(`ok: ${servers} server${servers === 1 ? '' : 's'}, ${profiles} profile${profiles === 1 ? '' : 's'}`);
    return 0;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const n = err.issues.length;
    io.err(err.message);
    io.err(`${n} problem${n === 1 ? '' : 's'} in ${file}`);
    return 1;
  }
}
