import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const panelDir = join(root, 'dist', 'panel');

/** Entry point of the `modelbridge` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command !== 'serve') {
    console.error(`modelbridge: unknown command "${command}". Try: modelbridge serve`);
    return 2;
  }
  if (rest.includes('--build-if-needed') && !existsSync(join(panelDir, 'index.html'))) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(panelDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(panelDir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = Number(rest[rest.indexOf('--port') + 1]) || 4321;
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  console.log(`modelBridge panel: http://127.0.0.1:${port}/`);
  return new Promise(() => {});
}
