import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';
import type { LogLevel } from '../config/app-config';
import { currentRequestContext } from '../http/request-context';
import { LOG_VALUE_REDACTION, logDestination, serializeRequest } from './logger-options';

/**
 * The process's one pino logger: JSON lines on the batched stdout destination, every secret-shaped value masked
 * (`LOG_VALUE_REDACTION`), and, on every line logged while a request is handled, its `request_id`, read from the
 * request context (request-context.ts) rather than from a child logger made for each request.
 */
export function createRootLogger(level: LogLevel, destination?: pino.DestinationStream): Pino {
  return pino(
    {
      level,
      ...LOG_VALUE_REDACTION,
      serializers: { req: serializeRequest },
      mixin: () => {
        const context = currentRequestContext();
        return context ? { request_id: context.requestId } : {};
      },
    },
    destination ?? (level === 'silent' ? undefined : logDestination()),
  );
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's logger (`app.useLogger`) over the root pino logger, so `new Logger('Context')` anywhere in the app writes the
 * same JSON lines. Nest passes the context last; a first argument that is an object is merged into the line (an Error
 * becomes `err`), and Nest's own `error(message, stack, context)` keeps its stack.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  private write(level: Level, message: unknown, optional: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    // Nest appends the logger's context (`new Logger('Context')`) as the last argument.
    const context = optional.length > 0 ? optional.at(-1) : undefined;
    const rest = optional.length > 0 ? optional.slice(0, -1) : optional;
    if (typeof context === 'string') fields['context'] = context;
    if (message instanceof Error) {
      fields['err'] = message;
      this.pino[level](fields, ...textOf(rest));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...message }, ...textOf(rest));
    } else if (level === 'error' && typeof rest[0] === 'string' && rest.length === 1 && rest[0].includes('\n    at ')) {
      // Nest's own exception handler: error(message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      this.pino.error({ ...fields, err });
    } else {
      this.pino[level](fields, String(message), ...rest);
    }
  }
}

/** The message of an object-first call (`logger.warn({ err }, 'text')`), if one was given. */
function textOf(rest: unknown[]): [string?, ...unknown[]] {
  if (rest.length === 0) return [];
  const [first, ...others] = rest;
  return [String(first), ...others];
}
