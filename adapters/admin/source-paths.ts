import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { OUT_OF_SCOPE_FILE } from '../../knowledge/out-of-scope.ts';
import { ConsoleRequestError } from './errors.ts';

/** Where the files staff edit live: published knowledge and rules, and drafts waiting to be published. */
export interface SourceFolders {
  knowledgeDir: string;
  rulesDir: string;
  draftsDir: string;
  /** The domain registry, checked with every change but never edited from the console. */
  domainDir?: string;
}

export type SourceFolder = 'knowledge' | 'rules';

/** A file in one of the two published folders, by its path inside that folder. */
export interface SourceFile {
  folder: SourceFolder;
  /** e.g. `batch-guarantee-revision-2014.md`, `batch/fee_rate.yaml` (always with '/'). */
  path: string;
}

const SEGMENT = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * A draft's path says where it will be published: a Markdown file is a knowledge document, a YAML file the
 * rule parameter at the same path (drafts/batch/fee_rate.yaml → rules/parameters/batch/fee_rate.yaml).
 * Only lower-case names, digits, '-', '_' and '/' are accepted, so no path leaves its folder.
 */
export function draftTarget(path: string): SourceFile {
  const segments = path.split('/');
  const last = segments.pop() ?? '';
  const extension = last.endsWith('.md') ? '.md' : last.endsWith('.yaml') ? '.yaml' : undefined;
  const name = extension ? last.slice(0, -extension.length) : '';
  if (!extension || !SEGMENT.test(name) || !segments.every((segment) => SEGMENT.test(segment)) || last === OUT_OF_SCOPE_FILE) {
    throw new ConsoleRequestError(400, `草稿檔名「${path}」不正確：文件寫成 文件代號.md，參數寫成 資料夾/參數名.yaml（小寫英文、數字、- 與 _）`);
  }
  return { folder: extension === '.md' ? 'knowledge' : 'rules', path };
}

export function folderPath(folders: SourceFolders, file: SourceFile): string {
  return join(file.folder === 'knowledge' ? folders.knowledgeDir : folders.rulesDir, ...file.path.split('/'));
}

/** The published file a loaded document or parameter came from (its `file` is shown relative to the project). */
export function sourceFileOf(folders: SourceFolders, folder: SourceFolder, shownPath: string): SourceFile {
  const dir = folder === 'knowledge' ? folders.knowledgeDir : folders.rulesDir;
  const inside = relative(resolve(dir), resolve(shownPath));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${shownPath} is not inside ${dir}`);
  return { folder, path: inside.split(sep).join('/') };
}

/** How a published file is named in messages: the way knowledge:check names it. */
export function shownPath(folders: SourceFolders, file: SourceFile): string {
  const absolute = folderPath(folders, file);
  const fromRoot = relative(process.cwd(), absolute);
  return (fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot : absolute).split(sep).join('/');
}
