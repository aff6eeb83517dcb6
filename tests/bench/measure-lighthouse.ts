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
  /** Titles of the failed audits that cost points outside performance. */
  failed: string[];
}

const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export async function runLighthouse(
  root: string,
  outDir: string,
  urls: string[],
  port = 4292,
): Promise<Map<string, LighthouseFigures>> {
  const server = await serve(root, path.resolve(outDir), port);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: FLAGS,
  });
  const out = new Map<string, LighthouseFigures>();
  try {
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
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => audits[ref.id]!.title);
      out.set(url, {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? NaN,
        cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
        tbtMs: audits['total-blocking-time']?.numericValue ?? NaN,
        failed: [...new Set(failed)],
      });
    }
  } finally {
    chrome.kill();
    await stop(server);
  }
  return out;
}
