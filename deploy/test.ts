// `npm run test:deploy` (part of `npm test`): the shipped nginx configuration in front of two app
// servers on one PostgreSQL, all on loopback, and what it must do: serve anonymous pages from its
// cache under load, show a save within the stated staleness, never cache a signed-in page, let
// sign-in throttling see each client's own address, and answer a matching If-None-Match with 304.
// Installs Debian's nginx when it is missing (as the e2e tests install Chromium). Ends with
// "N passed, N failed".
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import pg from 'pg';
import { check, note, summary } from '../resilience/support/checks';
import { Client, form } from '../resilience/support/client';
import { startCluster, waitFor, type Cluster } from '../resilience/support/cluster';
import { ROOT } from '../scripts/lib/run';

const DATA = path.join(ROOT, '.data', 'deploy');
const NGINX_PORT = 8089;
const PROXY = `http://127.0.0.1:${NGINX_PORT}`;
const NGINX = process.env.WHIPCOUNT_NGINX ?? '/usr/sbin/nginx';
const say = (line: string) => console.log(`[deploy] ${line}`);

function ensureNginx() {
  if (existsSync(NGINX)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      'nginx is missing and installing it needs root: `sudo apt-get install -y nginx`, or set WHIPCOUNT_NGINX.',
    );
  say('installing Debian’s nginx (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx'], { stdio: 'inherit', env });
}

/** The shipped configuration, pointed at this run's app servers, port and cache directory. */
function nginxConfig(appPorts: readonly number[]): string {
  const shipped = readFileSync(path.join(ROOT, 'deploy', 'nginx', 'whipcount.conf'), 'utf8');
  const site = shipped
    .replace('/var/cache/nginx/whipcount', path.join(DATA, 'nginx', 'cache'))
    .replace('server 127.0.0.1:3001;', `server 127.0.0.1:${appPorts[0]};`)
    .replace('server 127.0.0.1:3002;', `server 127.0.0.1:${appPorts[1]};`)
    .replace('listen 80;', `listen 127.0.0.1:${NGINX_PORT};`);
  assert.ok(
    site.includes(`127.0.0.1:${appPorts[1]}`) && site.includes(`${NGINX_PORT}`),
    'the shipped configuration still has the lines this test adapts',
  );
  const dir = path.join(DATA, 'nginx');
  const temp = (name: string) => `${name} ${path.join(dir, name)};`;
  return `
daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp('client_body_temp_path')}
  ${temp('proxy_temp_path')}
  ${temp('fastcgi_temp_path')}
  ${temp('uwsgi_temp_path')}
  ${temp('scgi_temp_path')}
  ${site}
}`;
}

async function main() {
  ensureNginx();
  const appPorts = [3220, 3221] as const;
  const cluster: Cluster = await startCluster({
    dataDir: path.join(DATA, 'cluster'),
    dbPort: 54379,
    appPorts,
    env: {
      WHIPCOUNT_TRUSTED_PROXIES: '127.0.0.1',
      WHIPCOUNT_PAGE_CACHE_SECONDS: '5',
      // As the shipped systemd unit runs each instance (decision 020).
      WHIPCOUNT_WORKERS: '1',
    },
  });
  rmSync(path.join(DATA, 'nginx'), { recursive: true, force: true });
  mkdirSync(path.join(DATA, 'nginx', 'cache'), { recursive: true });
  const conf = path.join(DATA, 'nginx', 'nginx.conf');
  writeFileSync(conf, nginxConfig(appPorts));
  execFileSync(NGINX, ['-t', '-c', conf], { stdio: 'pipe' });
  const nginx: ChildProcess = spawn(NGINX, ['-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    await waitFor(
      'nginx to answer',
      async () => (await fetch(`${PROXY}/api/health`).catch(() => null))?.ok === true,
      20_000,
    );
    say(`nginx on ${PROXY} in front of ${cluster.servers.map((s) => s.url).join(' and ')}`);

    await check('anonymous pages come from nginx’s cache under load; the app renders a handful', async () => {
      const statuses = new Map<string, number>();
      const started = Date.now();
      const TOTAL = 2000;
      let sent = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (sent < TOTAL) {
            sent++;
            const response = await fetch(`${PROXY}/campaigns/plp-motion`, { headers: { 'accept-encoding': 'gzip' } });
            await response.arrayBuffer();
            assert.equal(response.status, 200);
            const status = response.headers.get('x-cache-status') ?? 'NONE';
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
        }),
      );
      const hits = statuses.get('HIT') ?? 0;
      const seconds = (Date.now() - started) / 1000;
      note(
        `proxy cache: ${TOTAL} requests in ${seconds.toFixed(1)} s: ${[...statuses].map(([k, v]) => `${v} ${k}`).join(', ')}`,
      );
      assert.ok(hits >= TOTAL * 0.9, `most answers came from nginx's cache (${hits} of ${TOTAL})`);
    });

    await check('a save shows on the public page through the proxy within the stated staleness', async () => {
      const campaign = (await db.query(`SELECT id, "sourceId" FROM "Campaign" WHERE slug = 'plp-motion'`)).rows[0];
      const marker = `Deployment check ${Date.now()}`;
      await fetch(`${PROXY}/campaigns/plp-motion`).then((r) => r.arrayBuffer()); // in the caches now
      const saved = Date.now();
      await db.query(
        `INSERT INTO "Statement" ("speakerLabel", "campaignId", subject, stance, quote, "sourceId", "updatedAt") VALUES ('A tester', $1, $2, 'NEUTRAL', $2, $3, now())`,
        [campaign.id, marker, campaign.sourceId],
      );
      // The stated staleness: nginx's s-maxage (5 s), and the moment its background refresh takes.
      const seen: string[] = [];
      await waitFor(
        'the change through the proxy',
        async () => {
          const response = await fetch(`${PROXY}/campaigns/plp-motion`);
          const found = (await response.text()).includes(marker);
          seen.push(
            `${((Date.now() - saved) / 1000).toFixed(1)} s ${response.headers.get('x-cache-status')} ${response.headers.get('etag')}`,
          );
          return found;
        },
        8_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last answers: ${seen.slice(-3).join(' | ')}`);
      });
      note(
        `a change made directly in PostgreSQL showed through nginx after ${((Date.now() - saved) / 1000).toFixed(1)} s (stated: about 5 s, s-maxage)`,
      );
    });

    await check('a signed-in page is never served from the cache, nor to anyone else', async () => {
      const editor = new Client(PROXY);
      const login = await editor.signIn(cluster.admin.email, cluster.admin.password);
      assert.ok(editor.cookie, `signed in through the proxy: ${login.status} ${login.body.slice(-200)}`);
      for (let i = 0; i < 3; i++) {
        const response = await editor.get('/campaigns/plp-motion/stages/2');
        const body = await response.text();
        assert.equal(response.headers.get('x-cache-status'), 'BYPASS');
        assert.match(response.headers.get('cache-control') ?? '', /private, no-store/);
        assert.ok(body.includes('Update the count'), 'the editor sees the editing forms');
      }
      for (let i = 0; i < 3; i++) {
        const anonymous = await fetch(`${PROXY}/campaigns/plp-motion/stages/2`);
        assert.ok(
          !(await anonymous.text()).includes('Update the count'),
          'an anonymous reader never gets the editor’s page',
        );
      }
    });

    await check('a cookie that only looks like a session is answered from a cache, not rendered afresh', async () => {
      const forged = { cookie: 'better-auth.session_token=forged.c2lnbmF0dXJl' };
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${PROXY}/campaigns/plp-motion`, { headers: forged });
        await response.arrayBuffer();
        assert.match(response.headers.get('cache-control') ?? '', /^public/);
        seen.push(response.headers.get('x-whipcount-cache') ?? 'none');
      }
      // Two app servers behind nginx: each renders at most once, then serves its copy.
      assert.ok(seen.filter((s) => s === 'hit').length >= 2, `answers from the app's page cache: ${seen.join(', ')}`);
    });

    await check('sign-in throttling sees each client’s own address through the proxy', async () => {
      const email = cluster.admin.email;
      const stranger = new Client(PROXY, '127.0.0.2');
      for (let i = 0; i < 5; i++) {
        const result = await stranger.action('/login', 'loginAction', [
          {},
          form({ email: `nobody${i}@example.org`, password: 'wrong password', next: '/admin' }),
        ]);
        assert.match(result.body, /The e-mail address or password is not right/);
      }
      const refused = await stranger.signIn(email, cluster.admin.password);
      assert.match(refused.body, /Too many failed sign-ins from this address/);
      // Another client behind the same proxy is not held up by the stranger's failures.
      const owner = new Client(PROXY, '127.0.0.3');
      await owner.signIn(email, cluster.admin.password);
      assert.ok(owner.cookie, 'the other client signed in');
      note('throttling through nginx: five failures from 127.0.0.2 refused that address only; 127.0.0.3 signed in');
    });

    await check('a matching If-None-Match is answered 304, by nginx and by the app', async () => {
      const first = await fetch(`${PROXY}/api/v1/campaigns/plp-motion`);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      assert.ok(etag, 'an ETag');
      const again = await fetch(`${PROXY}/api/v1/campaigns/plp-motion`, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
      const direct = await fetch(`${cluster.servers[0].url}/api/v1/campaigns/plp-motion`, {
        headers: { 'if-none-match': etag },
      });
      assert.equal(direct.status, 304);
      assert.equal(direct.headers.get('x-whipcount-cache'), null, 'answered before rendering');
    });
  } finally {
    await db.end();
    nginx.kill('SIGTERM');
    await cluster.stop();
  }
  const { passed, failed } = summary(path.join(ROOT, '.data', 'reports', 'deploy.json'));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error('[deploy] failed:', error);
  process.exit(1);
});
