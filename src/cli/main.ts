#!/usr/bin/env node
/**
 * The `portcullis` command. Parses the command line and hands off to one command module.
 * Usage errors print a message and the usage, exit 2; config errors print every problem, exit 1.
 */
import { ConfigError } from '../config/config-error.js';
import { VERSION } from '../version.js';
import { USAGE, UsageError, parseCommandLine, type Command } from './args.js';

async function run(command: Command): Promise<number | undefined> {
  switch (command.kind) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'version':
      console.log(VERSION);
      return 0;
    case 'validate': {
      const { runValidate } = await import('./validate.js');
      return runValidate(command.file);
    }
    case 'start': {
      const { runStart } = await import('./start.js');
      await runStart(command.options);
      return undefined;
    }
    case 'stdio': {
      const { runStdio } = await import('./stdio.js');
      await runStdio(command.options);
      return undefined;
    }
    case 'scan': {
      if (command.argv.includes('--config') || command.argv.includes('-c')) {
        const { runScanConfig } = await import('./scan-config.js');
        return runScanConfig(command.argv);
      }
      const { runScanTools } = await import('./scan-tools.js');
      return runScanTools(command.argv);
    }
    case 'discover': {
      const { runDiscover } = await import('./discover.js');
      return runDiscover(command.argv);
    }
    case 'pins': {
      const { runPins } = await import('./pins.js');
      return runPins(command.argv);
    }
  }
}

/** Entry point: returns the exit code, or undefined while a server keeps running. */
export async function main(argv: readonly string[]): Promise<number | undefined> {
  let command: Command;
  try {
    command = parseCommandLine(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`portcullis: ${err.message}\n`);
    console.error(USAGE);
    return 2;
  }
  try {
    return await run(command);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`portcullis: invalid configuration\n${err.message}`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    console.error('portcullis: fatal:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
