import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type { Logger } from 'pino';
import type { CheckIssue } from '../../knowledge/check-issue.ts';
import type { LiveSources, ReloadResult } from '../http/live-sources.ts';
import { validateSources } from '../http/live-sources.ts';
import { ConsoleRequestError } from './errors.ts';
import { folderPath, shownPath, type SourceFile, type SourceFolders } from './source-paths.ts';

export interface SourceChange extends SourceFile {
  content: string;
}

type Checked = Awaited<ReturnType<typeof validateSources>>;

export interface AppliedChange {
  /** The reload that put the change live. */
  reload: ReloadResult;
  /** Warnings the check found (errors stop a change before it is written). */
  warnings: CheckIssue[];
}

/**
 * Changes to the published knowledge and rules, made the way a careful person would: the files are copied, the
 * change is made in the copy and checked exactly as a reload checks (knowledge:check's checks); only a change
 * that passes is written (each file replaced in one step), and the live sources are reloaded. One change at a
 * time, so two staff members' edits of one file never interleave.
 */
export class SourceEditor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly folders: SourceFolders,
    private readonly sources: Pick<LiveSources, 'reload'>,
    private readonly logger: Logger,
  ) {}

  /** The published text of a file, or undefined when it does not exist. */
  async read(file: SourceFile): Promise<string | undefined> {
    try {
      return await readFile(folderPath(this.folders, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** What the knowledge and rules would be with `changes`, checked as a reload checks them; nothing is written. */
  check(changes: SourceChange[]): Promise<Checked> {
    return this.inCopy(changes, (knowledgeDir, rulesDir) => validateSources(knowledgeDir, rulesDir, this.folders.domainDir));
  }

  /**
   * Checks `changes` against the published files as they are when its turn comes (`edit` reads them then), writes
   * them when they pass and reloads. Refused changes throw ConsoleRequestError with the problems, file and line.
   */
  apply(reason: string, edit: () => Promise<SourceChange[]>): Promise<AppliedChange> {
    const run = this.queue.then(async () => {
      const changes = await edit();
      const checked = await this.check(changes);
      if (!checked.ok) {
        throw new ConsoleRequestError(422, '這個變更沒有通過檢查，尚未寫入；請依下列說明修正', checked.issues.filter((issue) => issue.severity === 'error'));
      }
      for (const change of changes) await writeAtomically(folderPath(this.folders, change), change.content);
      this.logger.info({ reason, files: changes.map((change) => shownPath(this.folders, change)) }, 'console change written');
      const reload = await this.sources.reload(`console: ${reason}`);
      return { reload, warnings: checked.issues };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `use` on a temporary copy of the published folders with `changes` made in it, then removes the copy. */
  async inCopy<T>(changes: SourceChange[], use: (knowledgeDir: string, rulesDir: string) => Promise<T>): Promise<T> {
    const root = await mkdtemp(join(tmpdir(), 'smeg-console-'));
    const copy: SourceFolders = { ...this.folders, knowledgeDir: join(root, 'knowledge'), rulesDir: join(root, 'rules') };
    try {
      await cp(this.folders.knowledgeDir, copy.knowledgeDir, { recursive: true });
      await cp(this.folders.rulesDir, copy.rulesDir, { recursive: true });
      for (const change of changes) {
        const path = folderPath(copy, change);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, change.content);
      }
      const result = await use(copy.knowledgeDir, copy.rulesDir);
      return this.namedAsPublished(result, copy);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }

  /** Messages about the copy name the published files, as knowledge:check would. */
  private namedAsPublished<T>(result: T, copy: SourceFolders): T {
    if (typeof result !== 'object' || result === null || !('issues' in result) || !Array.isArray(result.issues)) return result;
    const renames = [
      [copy.knowledgeDir, shownPath(this.folders, { folder: 'knowledge', path: '' }).replace(/\/$/, '')],
      [copy.rulesDir, shownPath(this.folders, { folder: 'rules', path: '' }).replace(/\/$/, '')],
    ] as const;
    const rename = (file: string) => {
      for (const [from, to] of renames) if (file === from || file.startsWith(`${from}${sep}`) || file.startsWith(`${from}/`)) return `${to}${file.slice(from.length).split(sep).join('/')}`;
      return file;
    };
    for (const issue of result.issues as CheckIssue[]) issue.file = rename(issue.file);
    return result;
  }
}

/** Readers (the watcher, a reload) see the old file or the new one, never half of it. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${randomBytes(6).toString('hex')}.console-tmp`);
  await writeFile(temporary, content);
  await rename(temporary, path);
}
