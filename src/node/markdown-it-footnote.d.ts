// markdown-it-footnote 4 ships no types (DefinitelyTyped's are for 3, against an older markdown-it's).
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}
