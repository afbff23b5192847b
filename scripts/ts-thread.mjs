// Starts a worker thread whose module is TypeScript source (tests and `tsx` runs): registers tsx in
// this thread, then imports the module. A built server (dist/) starts its .js threads directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
