// The production server. `npm start`, the benchmark and the resilience and deployment suites all
// serve the app with it, so what they measure is what users get.
//   tsx scripts/serve.ts --port 3000
//   WHIPCOUNT_WORKERS  app processes sharing the port (default: one per CPU core; 1: no cluster)
// Each worker is a whole app server (scripts/lib/app-server.ts) with its own page cache; a save in
// one retires the others' copies through the data version (decision 011). The primary only forks,
// restarts a worker that dies unexpectedly, and stops them all on SIGTERM/SIGINT (decision 020).
import cluster from 'node:cluster';
import os from 'node:os';
import { serveApp } from './lib/app-server';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || process.env.PORT || 3000);
const workers = Math.max(1, Number(process.env.WHIPCOUNT_WORKERS) || os.availableParallelism());

if (workers === 1 || !cluster.isPrimary) {
  await serveApp(port);
} else {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[serve] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    // Each worker exits within five seconds of its own accord; this is the backstop.
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`[serve] ${workers} workers on port ${port} (WHIPCOUNT_WORKERS to change)`);
}
