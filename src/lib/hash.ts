import { createHash } from 'node:crypto';

/** Hex SHA-256 of a text: how API keys and session tokens are stored (never the secret itself). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
