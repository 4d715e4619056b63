import { lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerContext } from '../../../src/server/context.ts';
import { handleError } from '../../../src/server/errors.ts';
import { createMediaRoutes, safeFileName } from '../../../src/server/routes/media.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { createHostImport, createMediaSaver, type HostBridge } from '../../../src/ui/wiring.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

// fal's media CDN is the one thing faked: a fetch that serves a few fal.media addresses.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
const falRequests: string[] = [];
async function fakeFalFetch(input: RequestInfo | URL): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  falRequests.push(url);
  if (url === 'https://v3.fal.media/files/fox.png') return new Response(PNG, { status: 200 });
  if (url === 'https://v3.fal.media/files/moved.png')
    return new Response(null, { status: 302, headers: { location: 'https://cdn.fal.ai/fox.png' } });
  if (url === 'https://cdn.fal.ai/fox.png') return new Response(PNG, { status: 200 });
  if (url === 'https://v3.fal.media/files/escape.png')
    return new Response(null, {
      status: 302,
      headers: { location: 'http://169.254.169.254/latest/meta-data' },
    });
  if (url === 'https://v3.fal.media/files/huge.mp4')
    return new Response('x', { status: 200, headers: { 'content-length': String(4 * 1024 ** 3) } });
  return new Response('not found', { status: 404 });
}

const dirs: string[] = [];
let dataDir: string;
let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  dataDir = await tempDir('mb-media-');
  dirs.push(dataDir);
  server = await startTestServer(dataDir, { sandbox: true, fetch: fakeFalFetch as typeof fetch });
  api = new ApiClient(server);
});

afterAll(async () => {
  await server?.close();
  await removeDirs(dirs);
});

/** Uploads bytes to the Sandbox's storage (fal's upload protocol) and returns the file's URL. */
async function sandboxFile(name: string, bytes: Uint8Array): Promise<string> {
  const initiate = await fetch(new URL('sandbox/rest/storage/upload/initiate', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content_type: 'image/png', file_name: name }),
  });
  const { upload_url, file_url } = (await initiate.json()) as { upload_url: string; file_url: string };
  expect((await fetch(upload_url, { method: 'PUT', body: Buffer.from(bytes) })).status).toBe(200);
  return file_url;
}

const save = (body: unknown) => api.post('/api/media/save', body);
const pathOf = (json: unknown) => (json as { path: string }).path;
const codeOf = (json: unknown) => (json as { error: { code: string } }).error.code;

describe('POST /api/media/save', () => {
  test('saves a Sandbox result into the data dir’s media folder and returns its path', async () => {
    const url = await sandboxFile('fox.png', PNG);
    const response = await save({ url, fileName: 'fox.png' });
    expect(response.status).toBe(200);
    expect(pathOf(response.json)).toBe(join(dataDir, 'media', 'fox.png'));
    expect(new Uint8Array(await readFile(pathOf(response.json)))).toEqual(PNG);
  });

  test('never overwrites: the same name again becomes name-1', async () => {
    const url = await sandboxFile('same.png', PNG);
    const first = pathOf((await save({ url, fileName: 'same.png' })).json);
    await writeFile(first, 'edited by the user');
    const second = pathOf((await save({ url, fileName: 'same.png' })).json);
    expect(second).toBe(join(dataDir, 'media', 'same-1.png'));
    expect(await readFile(first, 'utf8')).toBe('edited by the user');
  });

  test('downloads from https fal media hosts, following a redirect to another fal host', async () => {
    const direct = await save({ url: 'https://v3.fal.media/files/fox.png', fileName: 'direct.png' });
    expect(direct.status).toBe(200);
    const moved = await save({ url: 'https://v3.fal.media/files/moved.png', fileName: 'moved.png' });
    expect(moved.status).toBe(200);
    expect(falRequests).toContain('https://cdn.fal.ai/fox.png');
  });

  test('the client cannot pick the folder: a targetDir is refused and nothing is written there', async () => {
    const elsewhere = await tempDir('mb-elsewhere-');
    dirs.push(elsewhere);
    const targetDir = join(elsewhere, 'modelBridge_Media');
    const url = await sandboxFile('t.png', PNG);
    const response = await save({ url, fileName: 't.png', targetDir });
    expect(response.status).toBe(400);
    expect(codeOf(response.json)).toBe('INVALID_MEDIA_REQUEST');
    expect(await readdir(elsewhere)).toEqual([]);
  });

  test('a file name is reduced to a safe last segment (no traversal out of the media folder)', async () => {
    const url = await sandboxFile('evil.png', PNG);
    const response = await save({ url, fileName: '../../../../etc/passwd' });
    expect(pathOf(response.json)).toBe(join(dataDir, 'media', 'passwd'));
  });

  test.each([
    ['the backend’s own API', (port: number) => `http://127.0.0.1:${port}/api/settings`],
    [
      'a Sandbox path escaping /files',
      (port: number) => `http://127.0.0.1:${port}/sandbox/files/../../api/ledger`,
    ],
    [
      'an encoded escape',
      (port: number) => `http://127.0.0.1:${port}/sandbox/files/%2e%2e/%2e%2e/api/ledger`,
    ],
    ['another local port', (port: number) => `http://127.0.0.1:${port + 1}/sandbox/files/a/b/c.png`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data'],
    ['plain http to fal', () => 'http://v3.fal.media/files/fox.png'],
    ['a look-alike host', () => 'https://fal.media.evil.example/files/fox.png'],
    ['a host ending in fal.ai without the dot', () => 'https://evilfal.ai/fox.png'],
    ['credentials in the URL', () => 'https://user:pw@v3.fal.media/files/fox.png'],
    ['a non-default port', () => 'https://v3.fal.media:8443/files/fox.png'],
    ['a local file', () => 'file:///etc/passwd'],
    ['not a URL', () => 'fox.png'],
  ])('refuses %s (never an open fetcher)', async (_, url) => {
    const before = falRequests.length;
    const response = await save({ url: url(server.port), fileName: 'x.png' });
    expect(response.status).toBe(400);
    expect(codeOf(response.json)).toBe('MEDIA_URL_NOT_ALLOWED');
    expect(falRequests.length).toBe(before);
  });

  test('a redirect to a non-fal address is refused', async () => {
    const response = await save({ url: 'https://v3.fal.media/files/escape.png', fileName: 'x.png' });
    expect(codeOf(response.json)).toBe('MEDIA_URL_NOT_ALLOWED');
    expect(falRequests.some((u) => u.includes('169.254'))).toBe(false);
  });

  test('a file announced larger than the limit is refused before anything is written', async () => {
    const response = await save({ url: 'https://v3.fal.media/files/huge.mp4', fileName: 'huge.mp4' });
    expect(response.status).toBe(413);
    expect(codeOf(response.json)).toBe('MEDIA_TOO_LARGE');
    expect((await readdir(join(dataDir, 'media'))).some((f) => f.startsWith('huge'))).toBe(false);
  });

  test('a missing result is reported as a failed download, in words', async () => {
    const response = await save({ url: 'https://v3.fal.media/files/gone.png', fileName: 'gone.png' });
    expect(response.status).toBe(502);
    expect((response.json as { error: { message: string } }).error.message).toMatch(
      /could not be downloaded/,
    );
  });

  test('needs the token', async () => {
    const response = await api.call(
      'POST',
      '/api/media/save',
      { url: 'https://v3.fal.media/files/fox.png', fileName: 'a' },
      null,
    );
    expect(response.status).toBe(401);
  });

  test('rejects unknown fields and missing names', async () => {
    expect((await save({ url: 'https://v3.fal.media/files/fox.png' })).status).toBe(400);
    expect((await save({ url: 'x', fileName: 'a', extra: 1 })).status).toBe(400);
  });
});

/** A temp folder holding a saved Premiere project file `film.prproj`; its path and the project's. */
async function projectFolder(): Promise<{ dir: string; project: string; media: string }> {
  const dir = await tempDir('mb-project-');
  dirs.push(dir);
  const project = join(dir, 'film.prproj');
  await writeFile(project, '<PremiereData/>');
  return { dir, project, media: join(dir, 'modelBridge_Media') };
}

describe('saving beside the Premiere project', () => {
  test('the backend picks modelBridge_Media beside the project file, creating it', async () => {
    const { project, media } = await projectFolder();
    const url = await sandboxFile('clip.png', PNG);
    const response = await save({ url, fileName: 'clip.png', projectPath: project });
    expect(response.status).toBe(200);
    expect(pathOf(response.json)).toBe(join(media, 'clip.png'));
    expect(await readdir(media)).toEqual(['clip.png']);
    expect(new Uint8Array(await readFile(join(media, 'clip.png')))).toEqual(PNG);
  });

  test('an existing file there is never overwritten: the new one gets a new name', async () => {
    const { project, media } = await projectFolder();
    await mkdir(media);
    await writeFile(join(media, 'clip.png'), 'the editor’s own file');
    const url = await sandboxFile('clip.png', PNG);
    const response = await save({ url, fileName: 'clip.png', projectPath: project });
    expect(pathOf(response.json)).toBe(join(media, 'clip-1.png'));
    expect(await readFile(join(media, 'clip.png'), 'utf8')).toBe('the editor’s own file');
    expect((await readdir(media)).sort()).toEqual(['clip-1.png', 'clip.png']);
  });

  test.each([
    ['a relative path', () => 'film.prproj'],
    ['a file that is not a project', (dir: string) => join(dir, 'notes.txt')],
    ['a project file that does not exist', (dir: string) => join(dir, 'gone.prproj')],
    ['a folder named like a project', (dir: string) => join(dir, 'folder.prproj')],
    ['dot segments', (dir: string) => `${dir}/sub/../film.prproj`],
    ['a NUL byte', (dir: string) => `${dir}/film.prproj\u0000`],
  ])('refuses %s as the project path, writing nothing', async (_, projectPath) => {
    const { dir } = await projectFolder();
    await writeFile(join(dir, 'notes.txt'), 'notes');
    await mkdir(join(dir, 'folder.prproj'));
    await mkdir(join(dir, 'sub'));
    const url = await sandboxFile('t.png', PNG);
    const response = await save({ url, fileName: 't.png', projectPath: projectPath(dir) });
    expect(response.status).toBe(400);
    expect(codeOf(response.json)).toBe('MEDIA_TARGET_NOT_ALLOWED');
    expect((await readdir(dir)).sort()).toEqual(['film.prproj', 'folder.prproj', 'notes.txt', 'sub']);
  });

  test('a modelBridge_Media that is a link to another folder is refused; nothing lands there', async () => {
    const { project, media } = await projectFolder();
    const elsewhere = await tempDir('mb-link-target-');
    dirs.push(elsewhere);
    await symlink(elsewhere, media, 'dir');
    const url = await sandboxFile('clip.png', PNG);
    const response = await save({ url, fileName: 'clip.png', projectPath: project });
    expect(response.status).toBe(409);
    expect(codeOf(response.json)).toBe('MEDIA_TARGET_IS_LINK');
    expect(await readdir(elsewhere)).toEqual([]);
    expect((await lstat(media)).isSymbolicLink()).toBe(true);
  });

  test('a modelBridge_Media that is a file, not a folder, is refused and left alone', async () => {
    const { project, media } = await projectFolder();
    await writeFile(media, 'not a folder');
    const url = await sandboxFile('clip.png', PNG);
    const response = await save({ url, fileName: 'clip.png', projectPath: project });
    expect(response.status).toBe(409);
    expect(await readFile(media, 'utf8')).toBe('not a folder');
  });

  test('a link at the file name is never followed or replaced (a live one or a dangling one)', async () => {
    const { dir, project, media } = await projectFolder();
    await mkdir(media);
    const victim = join(dir, 'victim.txt');
    await writeFile(victim, 'keep me');
    const nowhere = join(dir, 'created-through-the-link.png');
    await symlink(victim, join(media, 'clip.png'));
    await symlink(nowhere, join(media, 'clip-1.png'));
    const url = await sandboxFile('clip.png', PNG);
    const response = await save({ url, fileName: 'clip.png', projectPath: project });
    expect(pathOf(response.json)).toBe(join(media, 'clip-2.png'));
    expect(await readFile(victim, 'utf8')).toBe('keep me');
    expect(await readlink(join(media, 'clip.png'))).toBe(victim);
    expect(await readlink(join(media, 'clip-1.png'))).toBe(nowhere);
    await expect(lstat(nowhere)).rejects.toThrow(/ENOENT/);
    expect((await lstat(join(media, 'clip-2.png'))).isFile()).toBe(true);
  });

  test('the data dir’s media folder as a link is refused too', async () => {
    const dir = await tempDir('mb-media-linked-');
    const elsewhere = await tempDir('mb-media-linked-target-');
    dirs.push(dir, elsewhere);
    const linked = await startTestServer(dir, { sandbox: true, fetch: fakeFalFetch as typeof fetch });
    try {
      await symlink(elsewhere, join(dir, 'media'), 'dir');
      const response = await new ApiClient(linked).post('/api/media/save', {
        url: 'https://v3.fal.media/files/fox.png',
        fileName: 'fox.png',
      });
      expect(response.status).toBe(409);
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await linked.close();
    }
  });
});

describe('the panel’s media saver (src/ui/wiring.ts) against this server', () => {
  test('saves a Sandbox file and resolves with its path; a refusal rejects with the server’s words', async () => {
    const base = server.url;
    const initiate = await fetch(new URL('sandbox/rest/storage/upload/initiate', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content_type: 'image/png', file_name: 'saver.png' }),
    });
    const { upload_url, file_url } = (await initiate.json()) as { upload_url: string; file_url: string };
    await fetch(upload_url, { method: 'PUT', body: 'png-bytes' });
    const save = createMediaSaver(base, server.token);
    const { path } = await save({ url: file_url, fileName: 'saver.png' });
    expect(path).toBe(join(dataDir, 'media', 'saver.png'));
    expect(await readFile(path, 'utf8')).toBe('png-bytes');
    await expect(save({ url: 'https://example.com/x.png', fileName: 'x.png' })).rejects.toThrow(
      /not a fal media file/,
    );
    await expect(
      createMediaSaver(base, 'wrong-token')({ url: file_url, fileName: 'a.png' }),
    ).rejects.toThrow();
  });
});

describe('the panel’s Premiere import (src/ui/wiring.ts) against this server', () => {
  test('it names the open project and the backend saves beside it; the import gets that file', async () => {
    const { project, media } = await projectFolder();
    const url = await sandboxFile('import.png', PNG);
    const imported: unknown[] = [];
    // Premiere is the one thing faked: a project that is open at `project`.
    const bridge = {
      isInCep: () => true,
      callHost: async (name: string, args: unknown[]) => {
        if (name === 'projectInfo') return { path: project, name: 'film', mediaDir: '/somewhere/else' };
        imported.push(args[0]);
        return { path: args[0], bin: 'modelBridge' };
      },
    } as unknown as HostBridge;
    const host = createHostImport(createMediaSaver(server.url, server.token), bridge);
    const result = await host.importMedia({ url, fileName: 'import.png', category: 'text-to-image' });
    expect(result).toEqual({ path: join(media, 'import.png') });
    expect(imported).toEqual([join(media, 'import.png')]);
    expect(new Uint8Array(await readFile(join(media, 'import.png')))).toEqual(PNG);
  });
});

describe('media size limit while streaming', () => {
  test('a body that grows past the limit is cut off and leaves no file', async () => {
    const dir = await tempDir('mb-media-limit-');
    dirs.push(dir);
    const big = new Uint8Array(5000);
    const ctx = {
      dataDir: dir,
      sandboxBaseUrl: () => 'http://127.0.0.1:9/sandbox',
      fetch: (async () => new Response(big)) as unknown as typeof fetch,
      shutdown: new AbortController().signal,
    } as unknown as ServerContext;
    const app = new Hono().route('/api/media', createMediaRoutes(ctx, 1000));
    app.onError(handleError);
    const response = await app.request('/api/media/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://v3.fal.media/files/big.bin', fileName: 'big.bin' }),
    });
    expect(response.status).toBe(413);
    await mkdir(join(dir, 'media'), { recursive: true });
    expect(await readdir(join(dir, 'media'))).toEqual([]);
  });
});

describe('safeFileName', () => {
  test.each([
    ['fox.png', 'fox.png'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['...', 'media'],
    ['.hidden', 'hidden'],
    ['a<b>c:d"e|f?g*h.png', 'a_b_c_d_e_f_g_h.png'],
    ['line\nbreak.png', 'line_break.png'],
    ['CON.txt', '_CON.txt'],
    [`${'x'.repeat(300)}.mp4`, `${'x'.repeat(116)}.mp4`],
  ])('%j → %j', (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });
});
