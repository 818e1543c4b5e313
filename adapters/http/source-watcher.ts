import { watch } from 'chokidar';

/** Names the loaders read. Editors' temporary and swap files (`.a.md.swp`, `a.md~`, `sedX1b2c3`, `a.md.1234`) are not. */
const SOURCE_FILE = /\.(md|ya?ml)$/;

export interface FolderWatcher {
  close(): Promise<void>;
}

/** Starts watching folders for changes to source files; resolves once the watcher has seen every file. */
export type WatchFolders = (
  dirs: string[],
  onChange: (path: string) => void,
  onError: (error: unknown) => void,
) => Promise<FolderWatcher>;

/**
 * Watches with chokidar rather than Node's recursive `fs.watch`, which on Linux follows a file's inode and so
 * goes deaf to a file once it is replaced by a rename: an editor's atomic save, `sed -i`, `git checkout`.
 */
export const watchSourceFolders: WatchFolders = async (dirs, onChange, onError) => {
  const watcher = watch(dirs, {
    ignoreInitial: true,
    // Only a file can be judged by its name: a folder, or a ConfigMap's `..data` link, may hold source files.
    ignored: (path, stats) => stats?.isFile() === true && !SOURCE_FILE.test(path),
  });
  watcher.on('all', (_event, path) => onChange(path));
  watcher.on('error', onError);
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return { close: () => watcher.close() };
};
