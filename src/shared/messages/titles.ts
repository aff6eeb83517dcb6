// Interface text by the site's language, and the title of each kind of page: the page built ahead of
// time (its <title>) and the app (its heading and the tab's title) say the same.
import type { RouteData } from '../contract.ts';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

export function messagesFor(lang: string): Messages {
  return lang === 'en' ? en : zhCN;
}

/** An archive page's title: the archive, a year, or a year and month. */
export function archiveTitle(t: Messages, year?: number, month?: number): string {
  return year === undefined ? t.archive : month === undefined ? t.year(year) : t.yearMonth(year, month);
}

/** A page's own title (the site's name follows it), or undefined for the home page. */
/** A list's title, on its pages after the first with the page's number. */
const paged = (title: string, page: number | undefined, t: Messages) =>
  (page ?? 1) > 1 ? `${title} · ${t.pageTitle(page!)}` : title;

export function routeTitle(route: RouteData, t: Messages, filter: string[] = []): string | undefined {
  switch (route.kind) {
    case 'post':
      return route.post.title;
    case 'page':
      return route.page.title;
    case 'facet':
      return paged(route.name, route.page, t);
    case 'tags':
      return t.tagCloud;
    case 'search':
      return t.search;
    case 'archive':
      return paged(archiveTitle(t, route.year, route.month), route.page, t);
    case 'notFound':
      return t.notFoundTitle;
    case 'home':
      return filter.length > 0
        ? filter.join(' · ')
        : (route.page ?? 1) > 1
          ? t.pageTitle(route.page!)
          : undefined;
  }
}
