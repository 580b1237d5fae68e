// The folder a command writes into (`render --out DIR`): checked before any work, so
// a file, a path under a file, a place that cannot hold folders (/proc) or an
// unwritable one is one line and exit 2, not a failure halfway or a hang. Folders are
// made one level at a time: node's recursive mkdir retries forever when the file
// system answers ENOENT for a folder it will never create (/proc/self/x).
import { mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { quoted, UsageError } from './args';
import { tl, type Lang } from './messages';

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'EUNKNOWN';
}

function isDirectory(path: string): boolean | undefined {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Creates `path` and its missing parents, one mkdir per level, without recursion into
 * node's retrying `recursive: true`. Throws the file system's error (with its code).
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    const dir = isDirectory(p);
    if (dir === true) break;
    if (dir === false) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${p}'`), { code: 'ENOTDIR' });
    missing.push(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  for (let k = missing.length - 1; k >= 0; k--) {
    try {
      mkdirSync(missing[k]);
    } catch (error) {
      // Made by someone else in the meantime: fine if it is a folder.
      if (errorCode(error) !== 'EEXIST' || isDirectory(missing[k]) !== true) throw error;
    }
  }
}

function reason(code: string, lang: Lang): string {
  switch (code) {
    case 'ENOENT':
      return tl(lang, 'that place cannot hold new folders');
    case 'ENOTDIR':
      return tl(lang, 'a part of the path is a file, not a folder');
    case 'EACCES':
    case 'EPERM':
      return tl(lang, 'permission denied');
    case 'EROFS':
      return tl(lang, 'read-only file system');
    case 'ENOSPC':
      return tl(lang, 'no space left on the device');
    case 'ENAMETOOLONG':
      return tl(lang, 'the path is too long');
    default:
      return code;
  }
}

/**
 * The absolute folder for `--out <path>`, created if missing and proven writable (a
 * probe file is written and removed), else a UsageError in one line naming the path
 * and the reason.
 */
export function prepareOutputDir(command: string, path: string, lang: Lang): string {
  const abs = resolve(path);
  const fail = (code: string): never => {
    throw new UsageError(tl(lang, '{0}: cannot write into --out {1}: {2}', command, quoted(path), reason(code, lang)));
  };
  let existing: boolean | undefined;
  try {
    existing = isDirectory(abs);
  } catch (error) {
    fail(errorCode(error));
  }
  if (existing === false) {
    throw new UsageError(tl(lang, '{0}: --out {1} is a file, not a folder', command, quoted(path)));
  }
  if (existing === undefined) {
    try {
      makeDirectory(abs);
    } catch (error) {
      fail(errorCode(error));
    }
  }
  const probe = join(abs, `.emergence-lens-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    unlinkSync(probe);
  } catch (error) {
    fail(errorCode(error));
  }
  return abs;
}
