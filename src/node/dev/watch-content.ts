// The content folder, watched for the dev server. In: the folder. Out: each change or rename inside it,
// as an absolute path, until the returned function stops the watch.
//
// One fs.watch (inotify) per folder, not Vite's watcher: chokidar reads a whole folder again and stats
// every file in it on each change (about 100 ms for a folder of 10,000 posts, on every save), and
// Node's recursive watch tells of a change 15–30 ms late. Folders that come or go are followed.
import fs from 'node:fs';
import path from 'node:path';
import { inside } from '../read/find-files.ts';

export type ContentEvent = 'change' | 'rename';

/**
 * The folder and every folder under it (hidden ones aside, as findFiles skips them), by real path.
 * A link is followed only to a folder inside the content folder; a loop, a broken link or a link out
 * of it is left alone (findFiles reports each).
 */
export function foldersOf(root: string): Set<string> {
  const found = new Set<string>();
  let top: string;
  try {
    top = fs.realpathSync(root);
  } catch {
    return found;
  }
  const walk = (dir: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (found.has(real) || !inside(top, real)) return; // a link loop, or a link out of the folder
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, a link loop, or unreadable
    }
    found.add(real);
    for (const e of entries)
      if ((e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.')) {
        const sub = path.join(real, e.name);
        if (e.isDirectory()) walk(sub);
        else if (isFolder(sub)) walk(sub);
      }
  };
  walk(top);
  return found;
}

/** Whether a link leads to a folder: false for a file, a broken link or a loop (ELOOP). */
function isFolder(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return false;
  }
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
