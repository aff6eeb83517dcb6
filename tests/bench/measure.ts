// Runs a command and measures its wall time and peak memory (max RSS of it and its children):
// GNU time where the machine has it, else python3's getrusage(RUSAGE_CHILDREN).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Measured {
  seconds: number;
  peakMiB: number;
  stdout: string;
  /** With `mayFail`: how the command ended when it failed (`exit 1`, `signal 9`). */
  failed?: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `cmd` and measures it; a failure throws, or with `mayFail` is said in `failed`. */
export function measure(
  cmd: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = process.cwd(),
  mayFail = false,
): Measured {
  const useGnu = fs.existsSync(GNU_TIME);
  const wrapped = useGnu
    ? [GNU_TIME, '-f', 'FOLIO_MEASURE %e %M', ...cmd]
    : [
        'python3',
        '-c',
        'import resource,subprocess,sys,time;t=time.time();r=subprocess.call(sys.argv[1:]);' +
          'sys.stderr.write("FOLIO_MEASURE %.2f %d\\n"%(time.time()-t,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss));sys.exit(r)',
        ...cmd,
      ];
  const res = spawnSync(wrapped[0]!, wrapped.slice(1), {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const m = /FOLIO_MEASURE ([\d.]+) (\d+)/.exec(res.stderr);
  const signal = /terminated by signal (\d+)/.exec(res.stderr)?.[1];
  if (mayFail && m && res.status !== 0)
    return {
      seconds: Number(m[1]),
      peakMiB: Number(m[2]) / 1024,
      stdout: res.stdout,
      failed: signal ? `signal ${signal}` : `exit ${res.status}`,
    };
  if (res.status !== 0 || !m)
    throw new Error(`${cmd.join(' ')} failed (${res.status}):\n${res.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), peakMiB: Number(m[2]) / 1024, stdout: res.stdout };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Number of files and bytes under a folder. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += fs.statSync(`${e.parentPath}/${e.name}`).size;
  }
  return { files, bytes };
}
