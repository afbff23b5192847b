import { readFileSync } from 'node:fs';
import { type ConnectionOptions, connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';

/**
 * The names a deployment uses in NATS (docs/deployment.md "Commands"), all from one prefix so that several
 * deployments (or tests) can share a server: the click stream, its subjects, the workers' shared durable
 * consumer, and the core subject that carries link-cache invalidations.
 */
export interface NatsNames {
  stream: string;
  /** `<prefix>.clicks.>`: what the stream captures. */
  clickSubjects: string;
  consumer: string;
  linksChanged: string;
  /** The subject an instance publishes its click batches on. */
  clicksOf(instance: string): string;
}

export function natsNames(prefix: string): NatsNames {
  return {
    stream: `${prefix.toUpperCase().replace(/-/g, '_')}_CLICKS`,
    clickSubjects: `${prefix}.clicks.>`,
    consumer: `${prefix}-click-worker`,
    linksChanged: `${prefix}.links.changed`,
    clicksOf: (instance) => `${prefix}.clicks.${instance}`,
  };
}

/**
 * How a process proves who it is to NATS and checks the server (docs/deployment.md "Securing NATS"): a user
 * and password, a token, or a `.creds` file (JWT and NKey seed); TLS with the CA that signed the server's
 * certificate (or the system's CAs), and this process's own certificate when the server verifies clients.
 */
export interface NatsAuth {
  user?: string;
  pass?: string;
  token?: string;
  credsFile?: string;
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
}

/** The connection options of `auth`: credentials, and `tls` when TLS is asked for. */
export function natsAuthOptions(auth: NatsAuth): Partial<ConnectionOptions> {
  return {
    ...(auth.user !== undefined ? { user: auth.user, pass: auth.pass } : {}),
    ...(auth.token !== undefined ? { token: auth.token } : {}),
    ...(auth.credsFile !== undefined ? { authenticator: credsAuthenticator(readFileSync(auth.credsFile)) } : {}),
    ...(auth.tls ? { tls: auth.tls } : {}),
  };
}

/**
 * Connects (to one server, or any of a comma-separated list) for the life of the process: reconnects forever, and a first connection that fails keeps
 * being retried in the background (the callers keep their clicks in the local log meanwhile).
 */
export function connectNats(url: string, name: string, auth: NatsAuth = {}): Promise<NatsConnection> {
  return connect({
    servers: url.split(',').map((server) => server.trim()),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    ...natsAuthOptions(auth),
  });
}
