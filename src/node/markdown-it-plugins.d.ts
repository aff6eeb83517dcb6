// Types for the markdown-it plugins that ship none. markdown-it-footnote 4: DefinitelyTyped's are for 3, against an older markdown-it's.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnote: PluginSimple;
  export default footnote;
}

// markdown-it-task-lists ships no types.
declare module 'markdown-it-task-lists' {
  import type { PluginWithOptions } from 'markdown-it';
  const taskLists: PluginWithOptions<{ enabled?: boolean; label?: boolean; labelAfter?: boolean }>;
  export default taskLists;
}
