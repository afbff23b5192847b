import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './lib/client-address.js';
import type { NatsAuth } from './lib/nats.js';
import { projectRoot } from './lib/project-root.js';

/** The one validated, frozen configuration of a process. The only reader of `process.env`. */
export interface Config {
  readonly databaseUrl: string;
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  /** Folder for the SQLite file (when embedded), the generated secret and other local state. */
  readonly dataDir: string;
  /** Signs session cookies. Secret: never logged. */
  readonly secret: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  readonly maxUploadBytes: number;
  /** Which proxies may name the client in X-Forwarded-For (KOS_TRUST_PROXY); none by default. */
  readonly trustProxy: TrustProxy;
  /** Sign-in password checks per second this process allows before answering 429 (KOS_LOGIN_HASH_RATE). */
  readonly loginHashRate: number;
  /** The built console served at /app/ (KOS_CONSOLE_DIR; default web/dist of the checkout). */
  readonly consoleDir: string;
  /** Whether `kos serve` runs the daily jobs (tier recompute at 02:00 in each org's zone; KOS_SCHEDULER on/off). */
  readonly scheduler: boolean;
  /** Seconds between heartbeat comments on a live room's event stream (KOS_SSE_HEARTBEAT_S; docs/live-room.md). */
  readonly sseHeartbeatSeconds: number;
  /**
   * This process's click log folder, `<dataDir>/clicks/<KOS_INSTANCE>` (docs/clicks.md); one per process,
   * on local disk. Unset (tests): a private temporary folder.
   */
  readonly clickLogDir?: string;
  /** `batch` (fdatasync every batch, default) or `off` (KOS_CLICK_FSYNC; docs/clicks.md). */
  readonly clickFsync?: 'batch' | 'off';
  /**
   * Seconds a graceful stop spends storing the click log before it exits (KOS_CLICK_STOP_BUDGET_S;
   * docs/clicks.md "What a stop or a crash loses"): the rest stays in the log for the next start.
   * Unset (tests): the stop stores the whole log.
   */
  readonly clickStopBudgetSeconds?: number;
  /**
   * NATS with JetStream (KOS_NATS_URL; docs/deployment.md): clicks go from the local click log to a
   * stream that `kos worker` stores, and link-cache invalidations reach every process. Unset: one process.
   */
  readonly natsUrl?: string;
  /** Names in NATS (KOS_NATS_PREFIX, default `kos`): stream `<PREFIX>_CLICKS`, subjects `<prefix>.…`. */
  readonly natsPrefix?: string;
  /** With NATS, `kos serve` also stores clicks as one of the workers (KOS_NATS_WORKER on/off, default off). */
  readonly natsWorker?: boolean;
  /** Credentials and TLS for NATS (KOS_NATS_USER … KOS_NATS_TLS_KEY; docs/deployment.md "Securing NATS"). */
  readonly natsAuth?: NatsAuth;
}

/** A configuration value that cannot be used; `variable` names the environment variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;

/**
 * Parses the environment into a frozen Config. Fails fast with the variable's name.
 * When KOS_SECRET is unset, a secret is generated once into the data folder and reused.
 */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = env.KOS_DATABASE_URL?.trim() || 'sqlite:./data/kos.db';
  if (!/^sqlite:.+/.test(databaseUrl) && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError('KOS_DATABASE_URL', 'must be sqlite:<path> or postgres://…');
  }
  const host = env.KOS_HOST?.trim() || '127.0.0.1';
  const port = parseIntVar('KOS_PORT', env.KOS_PORT, 8080, 0, 65535);
  const publicUrl = (env.KOS_PUBLIC_URL?.trim() || 'http://localhost:8080').replace(/\/+$/, '');
  if (!isHttpUrl(publicUrl)) throw new ConfigError('KOS_PUBLIC_URL', 'must be an http(s) URL');
  const logLevel = (env.KOS_LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('KOS_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const maxUploadBytes = parseIntVar('KOS_MAX_UPLOAD_MB', env.KOS_MAX_UPLOAD_MB, 200, 1, 10_000) * 1024 * 1024;
  const dataDir = resolve(
    env.KOS_DATA_DIR?.trim() || (databaseUrl.startsWith('sqlite:') ? dirname(sqlitePath(databaseUrl)) : './data'),
  );
  const loginHashRate = parseIntVar('KOS_LOGIN_HASH_RATE', env.KOS_LOGIN_HASH_RATE, 5, 1, 10_000);
  const trustProxy = parseTrustProxy(env.KOS_TRUST_PROXY);
  if ('error' in trustProxy)
    throw new ConfigError('KOS_TRUST_PROXY', `${trustProxy.error} (use off, a hop count, or a list of CIDRs)`);
  const consoleDir = resolve(env.KOS_CONSOLE_DIR?.trim() || join(projectRoot(), 'web', 'dist'));
  const schedulerRaw = env.KOS_SCHEDULER?.trim().toLowerCase() || 'on';
  if (schedulerRaw !== 'on' && schedulerRaw !== 'off') throw new ConfigError('KOS_SCHEDULER', 'must be on or off');
  const sseHeartbeatSeconds = parseIntVar('KOS_SSE_HEARTBEAT_S', env.KOS_SSE_HEARTBEAT_S, 15, 1, 3600);
  const instance = env.KOS_INSTANCE?.trim() || 'main';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(instance)) throw new ConfigError('KOS_INSTANCE', 'must be 1–64 of A–Z a–z 0–9 _ -');
  const clickFsync = env.KOS_CLICK_FSYNC?.trim().toLowerCase() || 'batch';
  if (clickFsync !== 'batch' && clickFsync !== 'off') throw new ConfigError('KOS_CLICK_FSYNC', 'must be batch or off');
  const clickStopBudgetSeconds = parseIntVar('KOS_CLICK_STOP_BUDGET_S', env.KOS_CLICK_STOP_BUDGET_S, 5, 0, 86_400);
  const natsUrl = env.KOS_NATS_URL?.trim() || undefined;
  const natsServer = /^nats:\/\/[^\s,]+$|^[^\s,:/]+:\d+$/;
  if (natsUrl?.split(',').some((server) => !natsServer.test(server.trim())))
    throw new ConfigError('KOS_NATS_URL', 'must be nats://host:port (or a comma-separated list of them)');
  const natsPrefix = env.KOS_NATS_PREFIX?.trim() || 'kos';
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(natsPrefix)) throw new ConfigError('KOS_NATS_PREFIX', 'must be 1–32 of A–Z a–z 0–9 _ -');
  const natsWorker = env.KOS_NATS_WORKER?.trim().toLowerCase() || 'off';
  if (natsWorker !== 'on' && natsWorker !== 'off') throw new ConfigError('KOS_NATS_WORKER', 'must be on or off');
  if (!natsUrl) {
    const stray = NATS_AUTH_VARS.find((name) => env[name]?.trim());
    if (stray) throw new ConfigError(stray, 'is set but KOS_NATS_URL is not');
  }
  const secret = env.KOS_SECRET?.trim() || readOrCreateSecret(dataDir);
  if (secret.length < 16) throw new ConfigError('KOS_SECRET', 'must be at least 16 characters');
  return Object.freeze({
    databaseUrl,
    host,
    port,
    publicUrl,
    dataDir,
    secret,
    logLevel,
    maxUploadBytes,
    trustProxy,
    loginHashRate,
    consoleDir,
    scheduler: schedulerRaw === 'on',
    sseHeartbeatSeconds,
    clickLogDir: join(dataDir, 'clicks', instance),
    clickFsync,
    clickStopBudgetSeconds,
    ...(natsUrl ? { natsUrl, natsPrefix, natsWorker: natsWorker === 'on', natsAuth: natsAuthOf(env) } : {}),
  });
}

const NATS_AUTH_VARS = [
  'KOS_NATS_USER',
  'KOS_NATS_PASSWORD',
  'KOS_NATS_TOKEN',
  'KOS_NATS_CREDS',
  'KOS_NATS_TLS',
  'KOS_NATS_TLS_CA',
  'KOS_NATS_TLS_CERT',
  'KOS_NATS_TLS_KEY',
] as const;

/** NATS credentials and TLS: one way to log in at most, files that exist, a certificate with its key. */
function natsAuthOf(env: Env): NatsAuth {
  const get = (name: (typeof NATS_AUTH_VARS)[number]) => env[name]?.trim() || undefined;
  const file = (name: (typeof NATS_AUTH_VARS)[number]) => {
    const path = get(name);
    if (path !== undefined && !existsSync(path)) throw new ConfigError(name, `no such file: ${path}`);
    return path === undefined ? undefined : resolve(path);
  };
  const [user, pass, token, credsFile] = [
    get('KOS_NATS_USER'),
    get('KOS_NATS_PASSWORD'),
    get('KOS_NATS_TOKEN'),
    file('KOS_NATS_CREDS'),
  ];
  if ((user === undefined) !== (pass === undefined))
    throw new ConfigError(
      user === undefined ? 'KOS_NATS_USER' : 'KOS_NATS_PASSWORD',
      'KOS_NATS_USER and KOS_NATS_PASSWORD go together',
    );
  if ([user, token, credsFile].filter((v) => v !== undefined).length > 1)
    throw new ConfigError('KOS_NATS_TOKEN', 'use one of KOS_NATS_USER/KOS_NATS_PASSWORD, KOS_NATS_TOKEN and KOS_NATS_CREDS');
  const [caFile, certFile, keyFile] = [file('KOS_NATS_TLS_CA'), file('KOS_NATS_TLS_CERT'), file('KOS_NATS_TLS_KEY')];
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new ConfigError(
      certFile === undefined ? 'KOS_NATS_TLS_CERT' : 'KOS_NATS_TLS_KEY',
      'a client certificate needs its key',
    );
  const tlsRaw = get('KOS_NATS_TLS')?.toLowerCase();
  if (tlsRaw !== undefined && tlsRaw !== 'on' && tlsRaw !== 'off') throw new ConfigError('KOS_NATS_TLS', 'must be on or off');
  const files = caFile !== undefined || certFile !== undefined;
  if (tlsRaw === 'off' && files) throw new ConfigError('KOS_NATS_TLS', 'is off, but TLS files are set');
  const tls = tlsRaw === 'on' || files;
  return {
    ...(user !== undefined ? { user, pass } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(credsFile !== undefined ? { credsFile } : {}),
    ...(tls ? { tls: { ...(caFile ? { caFile } : {}), ...(certFile ? { certFile, keyFile } : {}) } } : {}),
  };
}

/** The file path of a `sqlite:<path>` URL (`:memory:` stays as is). */
export function sqlitePath(databaseUrl: string): string {
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' ? path : resolve(path);
}

function parseIntVar(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  try {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new ConfigError('KOS_SECRET', `unset, and no secret could be written to ${file}`);
  }
}
