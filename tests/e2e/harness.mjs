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
  const proc = spawn(binary, ['serve', '--database', database, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
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
