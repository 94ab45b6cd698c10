// Starts a real zwgk server on a fresh database (SQLite or PostgreSQL, from
// ZWGK_TEST_BACKEND) with the demo content, and a headless Chromium (Debian's) driven by
// playwright-core. Used by the *.test.mjs files.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.env.ZWGK_BINARY;
if (!binary) throw new Error('ZWGK_BINARY is not set (run through ctest)');

function freshDatabase(dir) {
  const backend = process.env.ZWGK_TEST_BACKEND || 'sqlite';
  if (backend === 'sqlite') return `sqlite:${join(dir, 'e2e.db')}`;
  const base = process.env.ZWGK_TEST_POSTGRES;
  if (!base) throw new Error('ZWGK_TEST_BACKEND=postgresql but ZWGK_TEST_POSTGRES is not set');
  const name = `zwgk_e2e_${process.pid}_${Date.now()}`;
  execFileSync('psql', [base, '-q', '-c', `CREATE DATABASE ${name}`]);
  return base.replace(/\/[^/]*$/, `/${name}`);
}

// options.beforeServe(run): called after migrate and demo with run(args, input) -> stdout,
// which runs the zwgk binary on the same database (e.g. to add a console user).
export async function startZwgk(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-e2e-'));
  const database = freshDatabase(dir);
  execFileSync(binary, ['migrate', '--database', database], { stdio: 'pipe' });
  execFileSync(binary, ['demo', '--database', database], { stdio: 'pipe' });
  if (options.beforeServe) {
    await options.beforeServe((args, input) =>
      execFileSync(binary, [...args, '--database', database], { input: input ?? '', stdio: 'pipe' }).toString());
  }
  // options.env: extra environment for `zwgk serve` (e.g. ZWGK_SMTP_* for a test mail server).
  const proc = spawn(binary, ['serve', '--database', database, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.env || {}) },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`zwgk did not start: ${out}`)), 20000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/serving on (http:\/\/[0-9.:]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`zwgk exited ${code}: ${out}`)));
  });
  return {
    url,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'zwgk-chromium-'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  return { browser, close: async () => { await browser.close(); rmSync(userDataDir, { recursive: true, force: true }); } };
}

// A real SMTP server on loopback (tests/tools/smtp_sink.py, Debian's python3-aiosmtpd):
// { port, messages() -> the decoded messages received so far, waitFor(pred, ms), stop() }.
export async function startSmtpSink() {
  const { readdirSync, readFileSync, existsSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-mail-'));
  const script = new URL('../tools/smtp_sink.py', import.meta.url).pathname;
  // Debian's python3 (python3-aiosmtpd), not whatever python3 comes first on PATH.
  const proc = spawn('/usr/bin/python3', [script, '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (existsSync(join(dir, '.ready'))) return resolve(Number(readFileSync(join(dir, '.ready'), 'utf8').trim()));
      if (Date.now() - started > 15000) return reject(new Error('smtp_sink did not start'));
      setTimeout(poll, 100);
    };
    poll();
  });
  const messages = () => readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  return {
    port,
    messages,
    async waitFor(pred, ms = 30000) {
      const started = Date.now();
      for (;;) {
        const found = messages().filter(pred);
        if (found.length) return found;
        if (Date.now() - started > ms) throw new Error(`no such mail after ${ms} ms; have: ${JSON.stringify(messages().map((m) => m.subject))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
