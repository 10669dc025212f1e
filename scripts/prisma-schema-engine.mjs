#!/usr/bin/env node
// A drop-in `schema-engine` executable for the Prisma CLI, served by the WebAssembly engine
// that npm ships (@prisma/schema-engine-wasm), so `prisma migrate …` works on machines that
// cannot download Prisma's native engine binary. See docs/decisions/001-offline-prisma-engine.md.
//
// The CLI talks to it two ways:
//   schema-engine --datasource '{"url":…}' [--datamodels FILE]…       line-delimited JSON-RPC 2.0
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { PrismaPg } = require('@prisma/adapter-pg');
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = require('@prisma/driver-adapter-utils');

// --- arguments --------------------------------------------------------------------------
const argv = process.argv.slice(2);
const datamodels = [];
let datasource = {};
let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--datamodels') datamodels.push(argv[++i]);
  else if (arg === '--datasource') datasource = JSON.parse(argv[++i]);
  else if (arg === '--enabled-preview-features' || arg === '--extension-types') i++;
  else if (arg === 'cli') cliCommand = argv[++i];
  else if (arg === '--version' || arg === '-V') {
    process.stdout.write('schema-engine-wasm-shim\n');
    process.exit(0);
  }
}
const url = datasource.url ?? process.env.DATABASE_URL;

function log(level, message, fields = {}) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      fields: { message, ...fields },
      target: 'schema_engine::logger',
    }) + '\n',
  );
}

// --- Postgres quirks --------------------------------------------------------------------
// The engine's introspection reads columns of Postgres's internal one-byte "char" type
// (oid 18, e.g. pg_constraint.contype) and expects them as Character; adapter-pg refuses the
// oid. Relabel those fields as text for adapter-pg, remember which they were, and report them
// to the engine as Character (ColumnTypeEnum.Character).
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN = ColumnTypeEnum.Character;
for (const Target of [pg.Client, pg.Pool]) {
  const original = Target.prototype.query;
  Target.prototype.query = function queryReportingCharAsText(...args) {
    const result = original.apply(this, args);
    if (!result || typeof result.then !== 'function') return result;
    return result.then((res) => {
      const charColumns = [];
      (res?.fields ?? []).forEach((field, i) => {
        if (field.dataTypeID === CHAR_OID) {
          field.dataTypeID = TEXT_OID;
          charColumns.push(i);
        }
      });
      if (charColumns.length && Array.isArray(res.rows)) res.rows.charColumns = charColumns;
      return res;
    });
  };
}
function restoreCharColumns(adapter) {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  if (queryable.queryRaw.patched) return;
  const original = queryable.queryRaw;
  queryable.queryRaw = async function queryRawWithChar(query) {
    const result = await original.call(this, query);
    for (const i of result.rows?.charColumns ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  queryable.queryRaw.patched = true;

  // adapter-pg runs a script by splitting it on every ";", which breaks on a semicolon in a
  // comment, a string or a function body. Send the script whole, as the native engine does:
  // one simple-protocol query, which Postgres runs as a single implicit transaction.
  const adapterProto = Object.getPrototypeOf(adapter);
  adapterProto.executeScript = async function executeWholeScript(script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

function databaseName(connectionString) {
  return decodeURIComponent(new URL(connectionString).pathname.replace(/^\//, '')) || 'postgres';
}
function withDatabase(connectionString, name) {
  const u = new URL(connectionString);
  u.pathname = '/' + encodeURIComponent(name);
  return u.toString();
}
const quoteIdent = (name) => '"' + name.replace(/"/g, '""') + '"';

// Run one statement against the server's maintenance database.
async function onMaintenanceDb(sql) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

// adapter-pg's own connectToShadowDb drops the shadow database while its pool still holds
// connections to it, which Postgres refuses; create and drop it here, closing the pool first.
class ShadowAwarePg extends PrismaPg {
  async connect() {
    const adapter = await super.connect();
    restoreCharColumns(adapter);
    return adapter;
  }

  async connectToShadowDb() {
    const name = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await onMaintenanceDb(`CREATE DATABASE ${quoteIdent(name)}`);
    const shadow = await new ShadowAwarePg({ connectionString: withDatabase(url, name) }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await onMaintenanceDb(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    };
    return shadow;
  }
}

// --- the wasm engine, loaded by hand (Node 20 cannot import .wasm modules) ---------------
async function loadEngine() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: '',
    set_message(message) {
      this.message = message;
    },
  };
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = await import(bgPath);
  const bytes = readFileSync(bgPath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  const files = datamodels.map((file) => [file, readFileSync(file, 'utf8')]);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new ShadowAwarePg({ connectionString: url }));
  return bindings.SchemaEngine.new(
    { datamodels: files.length ? files : undefined },
    (line) => {
      if (process.env.PRISMA_SCHEMA_ENGINE_DEBUG) process.stderr.write(String(line) + '\n');
    },
    adapterFactory,
  );
}

// --- `cli` one-shot commands ------------------------------------------------------------
async function runCli(command) {
  const name = databaseName(url);
  // The CLI skips the first line of a one-shot command's log, as the native engine starts with one.
  log('INFO', `Starting schema engine CLI command ${command}`);
  try {
    if (command === 'can-connect-to-database') {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
    } else if (command === 'create-database') {
      await onMaintenanceDb(`CREATE DATABASE ${quoteIdent(name)}`);
      log('INFO', `Database '${name}' was successfully created.`);
    } else if (command === 'drop-database') {
      await onMaintenanceDb(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      log('INFO', `The database '${name}' was successfully dropped.`);
    } else {
      throw new Error(`unknown cli command ${command}`);
    }
    process.exit(0);
  } catch (error) {
    const code = error?.code === '3D000' ? 'P1003' : 'P1001';
    log('ERROR', error?.message ?? String(error), { error_code: code });
    process.exit(1);
  }
}

// --- JSON-RPC ---------------------------------------------------------------------------
const RENAMED = { getDatabaseVersion: 'version' };

function toRpcError(error) {
  const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
  if (panic)
    return {
      code: 4466,
      message: 'An error happened. Check the data field for details.',
      data: { is_panic: true, message: panic, backtrace: '' },
    };
  let message = error?.message ?? String(error);
  let errorCode = error?.code;
  // The wasm engine throws its user-facing errors as JSON-encoded strings.
  try {
    const parsed = JSON.parse(message);
    message = parsed.message ?? message;
    errorCode = parsed.error_code ?? parsed.errorCode ?? errorCode;
  } catch {
    /* a plain message */
  }
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, error_code: errorCode, meta: error?.meta },
  };
}

async function serveRpc() {
  const engine = await loadEngine();
  const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
  const queue = [];
  let busy = false;
  // The engine is single-threaded; handle requests in order.
  async function drain() {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const request = queue.shift();
      const method = RENAMED[request.method] ?? request.method;
      try {
        let result;
        if (method === 'createDatabase') {
          await onMaintenanceDb(`CREATE DATABASE ${quoteIdent(databaseName(url))}`);
          result = { databaseName: databaseName(url) };
        } else if (typeof engine[method] !== 'function') {
          throw new Error(`The wasm schema engine does not implement ${request.method}`);
        } else {
          const params = request.params ?? {};
          // The wasm engine sets up its shadow database in devDiagnostic, and evaluateDataLoss
          // fails without it ("shadow DB must be provided through an external factory") — also
          // after applyMigrations on the same instance. Run it first, with the same migrations.
          if (method === 'evaluateDataLoss') {
            await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
          }
          result = await engine[method](params);
          // The native engine prints a diff by asking the CLI to ("print" request).
          if (method === 'diff' && result?.stdout) {
            send({ jsonrpc: '2.0', id: `print-${request.id}`, method: 'print', params: { content: result.stdout } });
          }
        }
        send({ jsonrpc: '2.0', id: request.id, result: result ?? null });
      } catch (error) {
        send({ jsonrpc: '2.0', id: request.id, error: toRpcError(error) });
      }
    }
    busy = false;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (!message.method) return; // the CLI's answer to our "print" request
    queue.push(message);
    void drain();
  });
  lines.on('close', async () => {
    while (busy || queue.length) await new Promise((r) => setTimeout(r, 10));
    process.exit(0);
  });
}

// A panic inside the wasm engine surfaces as an uncaught RuntimeError; report the panic's
// message the way the native engine does (an ERROR log line, exit code 101).
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
    log('ERROR', panic || (error?.stack ?? String(error)), { is_panic: true });
    process.exit(101);
  });
}

if (!url) {
  log('ERROR', 'No datasource URL: set DATABASE_URL', { error_code: 'P1012' });
  process.exit(1);
}
if (cliCommand) await runCli(cliCommand);
else await serveRpc();
