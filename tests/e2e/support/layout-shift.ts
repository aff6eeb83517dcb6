// Cumulative layout shift as a reader sees it: every shift not caused by their own input, summed from
// the page's start (what Lighthouse's CLS counts), on each page the tab opens from now on.
import type { Page } from '@playwright/test';

/** Starts counting on every page the tab opens; read with `layoutShift`. */
export const watchLayoutShift = (page: Page) =>
  page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The shift counted on the current page so far. */
export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { cls: number }).cls);
