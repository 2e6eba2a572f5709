/**
 * The process logger (pino). Library code takes a `Logger` from its caller; nothing logs through
 * `console`. Secrets are redacted by path before anything is written.
 */
import { pino, type Logger as PinoLogger } from 'pino';

/** The logger type used across Portcullis. */
export type Logger = PinoLogger;

/** Options for the root logger. */
export interface LoggerOptions {
  level?: string;
  /** Write to stderr (the stdio ingress needs stdout for the protocol). */
  stderr?: boolean;
}

const REDACT = [
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.env',
  'env',
  'req.headers.authorization',
];

/** Creates the root logger. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.PORTCULLIS_LOG_LEVEL ?? 'info';
  return pino(
    { level, base: { service: 'portcullis' }, redact: { paths: REDACT, censor: '[redacted]' } },
    pino.destination({ fd: opts.stderr ? 2 : 1, sync: false }),
  );
}

/** A logger that drops everything (tests, tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
