// Lighthouse 12.2.3 (its default: mobile, simulated slow 4G and a 4× slower CPU) on pages of a built
// site served as a plain static host, in the system Chromium.
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';
import { serve, stop } from './measure-reader.ts';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Each run's performance score and LCP, when several were run (the figures are the median run's). */
  runs: { performance: number; lcpMs: number }[];
  /** Titles of the failed audits that cost points outside performance. */
  failed: string[];
}

const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/**
 * `runs` runs per page, the median one (by performance score, then LCP) reported: Lighthouse's own
 * advice for its run-to-run variance (its docs: "variability"), which on this VM spans a whole grade.
 */
export async function runLighthouse(
  root: string,
  outDir: string,
  urls: string[],
  runs = 3,
  port = 4292,
): Promise<Map<string, LighthouseFigures>> {
  const server = await serve(root, path.resolve(outDir), port);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: FLAGS,
  });
  const all = new Map<string, LighthouseFigures[]>();
  try {
    for (let run = 0; run < runs; run++)
      for (const url of urls) {
        const result = await lighthouse(`http://127.0.0.1:${port}/${url}`, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
        });
        if (!result) throw new Error(`bench: Lighthouse gave no result for /${url}`);
        const { categories, audits } = result.lhr;
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        const failed = Object.values(categories)
          .filter((c) => c.id !== 'performance')
          .flatMap((c) => c.auditRefs)
          .filter(
            (ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1,
          )
          .map((ref) => audits[ref.id]!.title);
        const figures: LighthouseFigures = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
          cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
          tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
          failed: [...new Set(failed)],
          runs: [],
        };
        all.set(url, [...(all.get(url) ?? []), figures]);
      }
  } finally {
    chrome.kill();
    await stop(server);
  }
  const out = new Map<string, LighthouseFigures>();
  for (const [url, figures] of all) {
    const ranked = [...figures].sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs);
    const median = ranked[Math.floor((ranked.length - 1) / 2)]!;
    out.set(url, { ...median, runs: figures.map((f) => ({ performance: f.performance, lcpMs: f.lcpMs })) });
  }
  return out;
}
