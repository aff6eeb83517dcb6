// The few globals that shared code may use: they exist, with the same meaning, in Node and in every
// browser (WHATWG URL). Declared here instead of pulling in all of the DOM or of Node's types.
declare class URLSearchParams {
  get(name: string): string | null;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly href: string;
  readonly searchParams: URLSearchParams;
}
/** Base64 → a binary string (HTML's, in Node since 16). */
declare function atob(data: string): string;
