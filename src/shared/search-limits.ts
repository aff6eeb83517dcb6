// How much of a query is read (search-terms.ts): apart, so that the header's box, in every page's code,
// takes its length without the terms' rules (and the stemmer) that only a search loads.

/** At most this many terms are looked up: each may cost a file. */
export const MAX_QUERY_TERMS = 8;
/** A query is read up to this many characters. */
export const MAX_QUERY = 200;
