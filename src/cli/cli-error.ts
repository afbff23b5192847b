import { ZodError } from 'zod';
import { ConfigError } from '../config.js';
import { DomainError } from '../lib/errors.js';
import { validationError } from '../lib/http/route.js';

/** One line that says what is wrong, for a command's stderr. */
export function cliErrorMessage(error: unknown): string {
  if (error instanceof ZodError) return validationError(error).message;
  if (error instanceof DomainError || error instanceof ConfigError) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'failed';
  return String(error);
}
