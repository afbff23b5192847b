// One load round, run in its own process (pinned by the parent with taskset). Prints one JSON line.
// autocannon's duration mode destroys its sockets with requests still in flight, which the server may
// or may not have seen; to count exactly, at the deadline every connection stops sending and finishes
// its in-flight request, so `sent` equals the responses received.
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  seconds: number;
  sent: number;
  responses: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

/** The client fields autocannon uses to stop a connection after a number of requests (not in its typings). */
interface DrainableClient {
  reqsMade: number;
  responseMax: number;
  destroy(): void;
  on(event: 'done', listener: () => void): void;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

function runLoad({ url, connections, seconds }: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const clients: DrainableClient[] = [];
  const started = performance.now();
  let finished = 0;
  let closed = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds + 30, // upper bound only: the drain below ends the round
        sampleInt: 100, // autocannon checks for its end at each sample: do not idle up to a second
        setupClient: (client) => {
          const drainable = client as unknown as DrainableClient;
          clients.push(drainable);
          drainable.on('done', () => {
            if (++closed === connections) {
              finished = performance.now();
              process.stdout.write('drained\n');
              instance.stop();
            }
          });
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = ((finished || performance.now()) - started) / 1000;
        const sorted = Float64Array.from(latencies).sort();
        const responses = latencies.length;
        resolve({
          seconds: elapsed,
          sent: result.requests.sent,
          responses,
          statusCounts,
          errors: result.errors,
          timeouts: result.timeouts,
          rps: responses / elapsed,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted[sorted.length - 1] ?? 0,
        });
      },
    );
    process.stdout.write('started\n');
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
    });
    setTimeout(() => {
      for (const client of clients) {
        if (client.reqsMade === 0) client.destroy();
        else client.responseMax = client.reqsMade; // its next response destroys it instead of sending more
      }
    }, seconds * 1000);
  });
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
runLoad(options).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`load failed: ${String(error)}\n`);
    process.exit(1);
  },
);
