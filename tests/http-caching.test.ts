// What the app tells HTTP caches (decision 017).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { etagFor, kindOf as publicness, methodAnswer, notModified } from '../scripts/lib/http-caching';
import { cacheControl, cacheHeadersAt, CACHE_RULES } from '../lib/cache-rules';
import { cacheKey } from '../scripts/lib/page-cache';
import { JSON_HEADERS } from '../lib/api';
import { readFileSync } from 'node:fs';
import { signedSession } from './support/session-cookie';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers }) as unknown as IncomingMessage;

describe('HTTP caching', () => {
  it('tells public pages, the API and exports from private answers', () => {
    expect(publicness(req('/campaigns/plp-motion?sort=name'))).toBe('page');
    expect(publicness(req('/api/v1/campaigns'))).toBe('page');
    expect(publicness(req('/api/export/people.csv'))).toBe('export');
    expect(publicness(req('/api/export/audit.csv'))).toBe('private');
    expect(publicness(req('/admin/campaigns'))).toBe('private');
    expect(publicness(req('/login?next=/admin'))).toBe('private');
    expect(publicness(req('/_next/static/chunks/x.js'))).toBe('other');
    expect(publicness(req('/campaigns/plp-motion', {}, 'POST'))).toBe('other');
    expect(publicness(req('/campaigns/plp-motion', { rsc: '1' }))).toBe('other');
    expect(publicness(req('/api/health'))).toBe('other');
    expect(publicness(req('/campaigns/plp-motion?_rsc=1x2'))).toBe('other');
    expect(publicness(req('/admin/../campaigns'))).toBe('private');
  });

  it('is one table: route handlers say what the app server says, and the page cache keeps only what it allows', () => {
    const at = (path: string) => cacheHeadersAt(`http://site.invalid${path}`)['Cache-Control'];
    expect(JSON_HEADERS['Cache-Control']).toBe(cacheControl('page'));
    expect(at('/api/export/people.csv')).toBe(cacheControl('export'));
    expect(at('/api/export/audit.csv')).toBe('private, no-store');
    expect(at('/divisions/commons/2019-06-27/1/ballots.csv')).toBe(cacheControl('page'));
    for (const path of [
      '/campaigns/plp-motion',
      '/api/v1/campaigns',
      '/api/export/people.csv',
      '/admin',
      '/api/health',
    ])
      expect(cacheKey(req(path)) !== null, path).toBe(CACHE_RULES[publicness(req(path))].pageCache);
  });

  it("counts as signed in only a session cookie better-auth signed with this site's secret (issue 23 §10)", async () => {
    const session = await signedSession();
    const at = (cookie: string) => publicness(req('/campaigns/plp-motion', { cookie }));
    expect(at(`a=1; better-auth.session_token=${session}`)).toBe('private');
    expect(at(`__Secure-better-auth.session_token=${session}`)).toBe('private');
    // Any other cookie is an anonymous reader's: shared, cached answers, however it is named.
    expect(at('a=1; better-auth.session_token=x')).toBe('page');
    expect(at('better-auth.session_token=forged.c2lnbmF0dXJl')).toBe('page');
    expect(at(`better-auth.session_token=${await signedSession('another secret')}`)).toBe('page');
    expect(at(`better-auth.session_data=${session}; better-auth-anything=1`)).toBe('page');
    expect(
      at(
        `better-auth.session_token=${session.replace(/.(%3D)*$/, (end) => (end[0] === 'A' ? 'B' : 'A') + end.slice(1))}`,
      ),
    ).toBe('page');
  });

  it('is the table the README prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [kind, rule] of Object.entries(CACHE_RULES)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${kind} | `));
      expect(row, kind).toBeDefined();
      expect(row).toContain(`| ${rule.what} |`);
      const control = rule.control(5);
      expect(row).toContain(control ? `\`${control}\`` : 'the handler’s own');
      expect(row).toMatch(new RegExp(`\\| ${rule.validator ? 'yes' : 'no'} \\| ${rule.pageCache ? 'yes' : 'no'} \\|$`));
    }
  });

  it('lets shared caches keep pages a few seconds, revalidates exports, never stores private answers', () => {
    expect(cacheControl('page', 5)).toBe('public, max-age=0, s-maxage=5, stale-while-revalidate=30');
    expect(cacheControl('page', 0)).toBe('public, max-age=0, must-revalidate');
    expect(cacheControl('export', 5)).toBe('public, max-age=0, must-revalidate');
    expect(cacheControl('private', 5)).toBe('private, no-store');
  });

  it('answers a matching If-None-Match, strong or weak, and only that', () => {
    const etag = etagFor('build', '42', '2026-12-01', req('/', { 'accept-encoding': 'gzip' }));
    expect(etag).toMatch(/^W\/"[\w-]{12}\.build\.42\.2026-12-01\.gzip"$/);
    expect(notModified(req('/', { 'if-none-match': etag }), etag)).toBe(true);
    expect(notModified(req('/', { 'if-none-match': `"x", ${etag}` }), etag)).toBe(true);
    expect(notModified(req('/', { 'if-none-match': etag.slice(2) }), etag)).toBe(true);
    expect(notModified(req('/', { 'if-none-match': etag.replace('.42.', '.41.') }), etag)).toBe(false);
    expect(notModified(req('/'), etag)).toBe(false);
  });

  it('gives each address its own validator, and never answers "*" before routing (issue 23)', () => {
    const of = (url: string) => etagFor('build', '42', '2026-12-01', req(url));
    expect(of('/campaigns/plp-motion')).not.toBe(of('/campaigns/no-such-campaign'));
    expect(of('/campaigns/plp-motion?sort=name')).not.toBe(of('/campaigns/plp-motion'));
    const page = of('/campaigns/plp-motion');
    expect(
      notModified(req('/campaigns/no-such-campaign', { 'if-none-match': page }), of('/campaigns/no-such-campaign')),
    ).toBe(false);
    expect(notModified(req('/campaigns/plp-motion', { 'if-none-match': '*' }), page)).toBe(false);
  });

  it('answers methods no address takes with 405 and Allow, and OPTIONS with 204', () => {
    for (const method of ['GET', 'HEAD', 'POST', undefined]) expect(methodAnswer(method)).toBeNull();
    for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'CONNECT'])
      expect(methodAnswer(method)).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, POST' } });
    expect(methodAnswer('OPTIONS')).toMatchObject({ status: 204, headers: { allow: 'GET, HEAD, POST' } });
  });
});
