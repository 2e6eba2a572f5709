import { describe, expect, it } from 'vitest';
import { UsageError, parseCommandLine } from './args.js';

describe('parseCommandLine', () => {
  it('parses start with its options', () => {
    expect(parseCommandLine(['start'])).toEqual({ kind: 'start', options: {} });
    expect(parseCommandLine(['start', '--config', 'a.yaml', '--port', '9000', '--host', '0.0.0.0'])).toEqual({
      kind: 'start',
      options: { configPath: 'a.yaml', port: 9000, host: '0.0.0.0' },
    });
    expect(parseCommandLine(['start', '-c', 'a.yaml', '--port=0'])).toEqual({ kind: 'start', options: { configPath: 'a.yaml', port: 0 } });
  });

  it('parses stdio with its options', () => {
    expect(parseCommandLine(['stdio', '--profile', 'dev', '--config', 'b.yaml'])).toEqual({
      kind: 'stdio',
      options: { configPath: 'b.yaml', profile: 'dev' },
    });
  });

  it('parses validate, version and help', () => {
    expect(parseCommandLine(['validate', 'c.yaml'])).toEqual({ kind: 'validate', file: 'c.yaml' });
    for (const v of [['--version'], ['-v'], ['version']]) expect(parseCommandLine(v)).toEqual({ kind: 'version' });
    for (const h of [[], ['--help'], ['-h'], ['help'], ['start', '--help'], ['validate', '-h']]) expect(parseCommandLine(h)).toEqual({ kind: 'help' });
  });

  it('rejects unknown commands and flags with a clear message', () => {
    expect(() => parseCommandLine(['strat'])).toThrow(new UsageError('unknown command "strat" (did you mean "start"?)'));
    expect(() => parseCommandLine(['serve'])).toThrow('unknown command "serve"');
    expect(() => parseCommandLine(['--port', '1'])).toThrow('unknown option "--port"; options come after the command');
    expect(() => parseCommandLine(['start', '--prot', '1'])).toThrow("start: Unknown option '--prot' (did you mean --port?)");
    expect(() => parseCommandLine(['stdio', '--port', '1'])).toThrow("stdio: Unknown option '--port'");
    expect(() => parseCommandLine(['start', 'extra'])).toThrow(UsageError);
    expect(() => parseCommandLine(['version', 'x'])).toThrow(UsageError);
  });

  it('rejects bad values', () => {
    expect(() => parseCommandLine(['start', '--port', 'http'])).toThrow('start: --port must be an integer from 0 to 65535, got "http"');
    expect(() => parseCommandLine(['start', '--port', '70000'])).toThrow(UsageError);
    expect(() => parseCommandLine(['start', '--config'])).toThrow(UsageError);
    expect(() => parseCommandLine(['validate'])).toThrow('validate: missing FILE');
    expect(() => parseCommandLine(['validate', 'a', 'b'])).toThrow('validate: expects exactly one FILE');
  });
});
