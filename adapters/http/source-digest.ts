import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const SOURCE_FILE = /\.(md|ya?ml)$/;

/**
 * A hash of the names and bytes of the source files in the folders, listed as the loaders list them (regular
 * files in any sub-folder; links are skipped, so a ConfigMap is read through its timestamped folder). Cheap
 * enough to take every few seconds, and equal for equal files, so a re-scan reloads only on a real change.
 * Never throws: a folder that cannot be read hashes as its error, so it stays equal until that changes.
 */
export async function sourceFilesDigest(dirs: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    hash.update(`${dir}\0`);
    try {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
      for (const file of files) hash.update(`${relative(dir, file)}\0`).update(await readFile(file)).update('\0');
    } catch (error) {
      hash.update(`unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}\0`);
    }
  }
  return hash.digest('hex');
}
