import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { ApiError } from '../errors.ts';

/** Folder (inside the data dir) where media is saved outside Premiere. */
export const MEDIA_DIR = 'media';

/** The folder beside the Premiere project file that holds its generated media (modelbridge-docs.md §14). */
export const PROJECT_MEDIA_FOLDER = 'modelBridge_Media';

const PROJECT_EXTENSION = '.prproj';

const projectNotAllowed = () =>
  new ApiError(
    400,
    'MEDIA_TARGET_NOT_ALLOWED',
    `Media is saved into ${PROJECT_MEDIA_FOLDER} beside the Premiere project, so the project path must be ` +
      `the absolute path of a saved ${PROJECT_EXTENSION} file. Save the project, then try again.`,
  );

const linkedFolder = (dir: string) =>
  new ApiError(
    409,
    'MEDIA_TARGET_IS_LINK',
    `${dir} is a link or not a folder, so nothing was saved into it (a link could send the file anywhere). ` +
      'Replace it with a plain folder, then try again.',
  );

/**
 * The folder a media file goes to, decided here and never by the caller: `modelBridge_Media` beside
 * `projectPath` (the absolute path of an existing `.prproj` file), or the data dir's `media/` folder.
 */
export async function mediaFolderFor(dataDir: string, projectPath: string | undefined): Promise<string> {
  if (projectPath === undefined) return join(dataDir, MEDIA_DIR);
  const segments = projectPath.split(/[\\/]+/);
  const plain =
    isAbsolute(projectPath) &&
    !projectPath.includes('\0') &&
    !segments.some((s) => s === '.' || s === '..') &&
    extname(projectPath).toLowerCase() === PROJECT_EXTENSION;
  if (!plain) throw projectNotAllowed();
  const project = await stat(projectPath).catch(() => null);
  if (!project?.isFile()) throw projectNotAllowed();
  return join(dirname(normalize(projectPath)), PROJECT_MEDIA_FOLDER);
}

/** Creates `dir` when missing (its parent must exist) and checks it is a real folder, never a link. */
export async function ensurePlainFolder(dir: string): Promise<void> {
  await mkdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  await checkPlainFolder(dir);
}

async function checkPlainFolder(dir: string): Promise<void> {
  const info = await lstat(dir);
  if (info.isSymbolicLink() || !info.isDirectory()) throw linkedFolder(dir);
}

// Where hard links are refused (FAT/exFAT drives, some network shares), the file is copied instead.
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Puts `temp`'s content at `path` only when nothing (no file, no link) is there yet: EEXIST otherwise. */
async function claim(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (err) {
    if (!NO_HARD_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    await copyFile(temp, path, constants.COPYFILE_EXCL);
  }
}

/**
 * Gives the finished `temp` file its name in `dir`: `name`, or `name-1`, `name-2`, … when taken. Each
 * name is claimed exclusively, so no existing file or link is ever replaced or followed, even one that
 * appears while the download runs. Removes `temp`; returns the final path.
 */
export async function publishExclusive(temp: string, dir: string, name: string): Promise<string> {
  await checkPlainFolder(dir);
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 0; n < 1000; n += 1) {
    const candidate = join(dir, n === 0 ? name : `${stem}-${n}${ext}`);
    try {
      await claim(temp, candidate);
      await rm(temp, { force: true });
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new ApiError(409, 'MEDIA_NAME_TAKEN', `Too many files named like ${name} already exist in ${dir}.`);
}
