// opencc-js's dictionaries (`opencc-js/dict/<name>`): each one string of `from to…` entries split by
// `|` (the package ships no types for them).
declare module 'opencc-js/dict/*' {
  const entries: string;
  export default entries;
}
