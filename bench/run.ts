/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order, each in its own node process (with
 * --expose-gc, so one bench's heap or JIT state cannot skew the next), and exits non-zero if any failed.
 * A bench file is a plain script: it prints its results (see bench/report.ts for the PASS/FAIL line)
 * and sets a non-zero exit code on FAIL. `npm run bench -- journal` runs only files whose name contains
 * "journal".
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
/** A bench file that runs longer than this is stopped and counted as failed. */
const TIMEOUT_MS = 5 * 60_000;

function runFile(path: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path], { stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`  ${path} took longer than ${TIMEOUT_MS / 1000} s: stopped`);
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const filters = process.argv.slice(2);
const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`No bench/*.bench.ts files${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}
const results: { name: string; code: number; seconds: number }[] = [];
for (const name of files) {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const code = await runFile(join(benchDir, name));
  results.push({ name, code, seconds: (performance.now() - started) / 1000 });
}
console.log('\nSummary');
for (const { name, code, seconds } of results) {
  console.log(`  ${code === 0 ? 'PASS' : 'FAIL'}  ${name} (${seconds.toFixed(1)} s)`);
}
process.exitCode = results.some((result) => result.code !== 0) ? 1 : 0;
