// A login flood for bench:resilience, run in its own process (pinned by the parent): POSTs
// /api/v1/auth/login with random e-mails and passwords at a fixed rate for a number of seconds, and
// prints one JSON line of status counts. From one client address (as the attacker of issue 8 did), or
// with `spread` from a new address each time, named in X-Forwarded-For (the server trusts one proxy hop).
const { base, perSecond, seconds, spread } = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  perSecond: number;
  seconds: number;
  spread?: boolean;
};
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

const counts: Record<string, number> = {};
// The parent starts its measured round on this line: this process's own start-up is over by then.
console.log('started');
const inFlight = new Set<Promise<void>>();
const started = performance.now();
let sent = 0;
while (performance.now() - started < seconds * 1000) {
  const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
  for (; sent < due; sent++) {
    const attempt = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(spread ? { 'x-forwarded-for': address(sent + 1) } : {}) },
      body: JSON.stringify({
        email: `flood-${sent}-${Math.random().toString(36).slice(2)}@example.com`,
        password: `guess-${sent}`,
      }),
    })
      .then((r) => {
        counts[r.status] = (counts[r.status] ?? 0) + 1;
        return r.arrayBuffer();
      })
      .then(
        () => {},
        () => {
          counts.error = (counts.error ?? 0) + 1;
        },
      );
    inFlight.add(attempt);
    void attempt.finally(() => inFlight.delete(attempt));
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await Promise.all(inFlight);
console.log(JSON.stringify({ sent, counts }));
