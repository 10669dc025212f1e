// A client that uses the app the way its pages do, without a browser: server actions are called
// by their ids from the build's manifest, with arguments encoded by React's own `encodeReply`
// (what a form submission sends), and the session cookie better-auth sets is carried along.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/run';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.edge.js') as {
  encodeReply(value: unknown): Promise<FormData | string>;
};

/** Every server action of the build, by exported name. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  return new Map(Object.entries(manifest.node).map(([id, action]) => [action.exportedName, id]));
}

export interface ActionResult {
  status: number;
  /** Where the action redirected to (a successful save redirects), if it did. */
  redirect: string | null;
  body: string;
  cookies: string[];
  /** The Location of a plain HTTP redirect (proxy.ts answers some requests before any action runs). */
  headersLocation: string | null;
}

export function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

export class Client {
  private static ids: Map<string, string> | null = null;
  cookie = '';

  constructor(public base: string) {}

  static actionNames(): string[] {
    Client.ids ??= actionIds();
    return [...Client.ids.keys()];
  }

  static actionId(name: string): string {
    Client.ids ??= actionIds();
    const id = Client.ids.get(name);
    if (!id) throw new Error(`the build has no server action ${name}`);
    return id;
  }

  async get(pathname: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.base + pathname, { headers: { cookie: this.cookie, ...headers }, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  }

  /** Calls a server action as the page at `page` would. */
  async action(page: string, name: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionResult> {
    const body = await encodeReply(args);
    const response = await fetch(this.base + page, {
      method: 'POST',
      headers: { Accept: 'text/x-component', 'Next-Action': Client.actionId(name), Origin: this.base, cookie: this.cookie, ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(60_000),
    });
    const cookies = response.headers.getSetCookie();
    return { status: response.status, redirect: response.headers.get('x-action-redirect'), body: await response.text(), cookies, headersLocation: response.headers.get('location') };
  }

  async signIn(email: string, password: string): Promise<ActionResult> {
    const result = await this.action('/login', 'loginAction', [{}, form({ email, password, next: '/admin' })]);
    const session = result.cookies.map((c) => c.split(';')[0]!).filter((c) => c.includes('session_token'));
    if (session.length) this.cookie = session.join('; ');
    return result;
  }

  /** The same session, talking to another app server. */
  on(base: string): Client {
    const other = new Client(base);
    other.cookie = this.cookie;
    return other;
  }
}
