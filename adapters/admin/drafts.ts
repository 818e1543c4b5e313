import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { draftTarget, type SourceFile, type SourceFolders } from './source-paths.ts';

export interface DraftInfo extends SourceFile {
  modifiedAt: string;
  bytes: number;
}

/**
 * Unpublished edits in DRAFTS_DIR (imported announcements, changes saved in the console), each named by where
 * it will be published. Staff may also put files there by hand; names that would not publish are left out.
 */
export class DraftFiles {
  constructor(private readonly folders: Pick<SourceFolders, 'draftsDir'>) {}

  async list(): Promise<DraftInfo[]> {
    let entries;
    try {
      entries = await readdir(this.folders.draftsDir, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const drafts: DraftInfo[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const absolute = join(entry.parentPath, entry.name);
      const path = relative(this.folders.draftsDir, absolute).split(sep).join('/');
      let target: SourceFile;
      try {
        target = draftTarget(path);
      } catch {
        continue;
      }
      const info = await stat(absolute);
      drafts.push({ ...target, modifiedAt: info.mtime.toISOString(), bytes: info.size });
    }
    return drafts.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  }

  async read(path: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(path: string, content: string): Promise<void> {
    const file = this.pathOf(path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }

  async remove(path: string): Promise<void> {
    await rm(this.pathOf(path), { force: true });
  }

  private pathOf(path: string): string {
    draftTarget(path);
    return join(this.folders.draftsDir, ...path.split('/'));
  }
}
