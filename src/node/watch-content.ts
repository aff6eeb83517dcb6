// The content folder, watched for the dev server. In: the folder. Out: each change or rename inside it,
// as an absolute path, until the returned function stops the watch.
//
// One fs.watch (inotify) per folder, not Vite's watcher: chokidar reads a whole folder again and stats
// every file in it on each change (about 100 ms for a folder of 10,000 posts, on every save), and
// Node's recursive watch tells of a change 15–30 ms late. Folders that come or go are followed.
import fs from 'node:fs';
import path from 'node:path';

export type ContentEvent = 'change' | 'rename';

/** The folder and every folder under it (hidden ones aside, as findFiles skips them), by real path. */
function foldersOf(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (found.has(real)) return; // a link loop
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or unreadable: findFiles reports it
    }
    found.add(real);
    for (const e of entries)
      if ((e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.')) {
        const sub = path.join(real, e.name);
        if (e.isDirectory() || fs.statSync(sub, { throwIfNoEntry: false })?.isDirectory()) walk(sub);
      }
  };
  walk(root);
  return found;
}

export function watchContent(root: string, onEvent: (event: ContentEvent, file: string) => void): () => void {
  const watchers = new Map<string, fs.FSWatcher>();
  const follow = () => {
    const folders = foldersOf(root);
    for (const [dir, watcher] of watchers)
      if (!folders.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    for (const dir of folders) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, (event, name) => {
          if (event === 'rename') follow();
          onEvent(event, name ? path.join(dir, name.toString()) : dir);
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch {
        // the folder went away between the walk and the watch: its parent's rename event says so
      }
    }
  };
  follow();
  return () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
