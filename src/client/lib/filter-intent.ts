// What a link to a tag filter fetches when the reader shows the intent to follow it: the filter's view,
// a chunk of its own. The router's view owns that chunk (route-view.tsx) and says here how to fetch
// it: the links (a card's tags, which the filter view shows too) cannot import the view themselves.
let load: () => Promise<unknown> = () => Promise.resolve();

export function setFilterView(loader: () => Promise<unknown>): void {
  load = loader;
}

export const prefetchFilterView = () => void load().catch(() => {}); // (the view reports failures when shown)
