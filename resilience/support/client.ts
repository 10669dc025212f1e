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
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
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

  /** `from`: a local address to send from (127.0.0.x), to be another client behind a proxy. */
  constructor(
    public base: string,
    private readonly from?: string,
  ) {}

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
    return fetch(this.base + pathname, {
      headers: { cookie: this.cookie, ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
  }

  /** Calls a server action as the page at `page` would. */
  async action(
    page: string,
    name: string,
    args: unknown[],
    headers: Record<string, string> = {},
  ): Promise<ActionResult> {
    const body = await encodeReply(args);
    const init = {
      method: 'POST',
      headers: {
        Accept: 'text/x-component',
        'Next-Action': Client.actionId(name),
        Origin: this.base,
        cookie: this.cookie,
        ...headers,
      },
      body,
      redirect: 'manual' as const,
      signal: AbortSignal.timeout(60_000),
    };
    const response = this.from
      ? await sendFrom(this.from, new Request(this.base + page, init))
      : await fetch(this.base + page, init);
    const cookies = response.headers.getSetCookie();
    return {
      status: response.status,
      redirect: response.headers.get('x-action-redirect'),
      body: await response.text(),
      cookies,
      headersLocation: response.headers.get('location'),
    };
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

/** Sends a request from a given local address (fetch cannot choose one): as another client would. */
async function sendFrom(localAddress: string, request: Request): Promise<Response> {
  const { request: send } = await import('node:http');
  const url = new URL(request.url);
  const body = Buffer.from(await request.arrayBuffer());
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        localAddress,
        headers: { ...Object.fromEntries(request.headers), 'content-length': String(body.length) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (c: Buffer) => chunks.push(c));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(incoming.headers))
            for (const value of [v ?? []].flat()) headers.append(k, String(value));
          resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 500, headers }));
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
