/** markdown-it-cjk-breaks ships no types: its default export is a markdown-it plugin. */
declare module 'markdown-it-cjk-breaks' {
  import type { MarkdownIt } from 'markdown-it';
  const plugin: (md: MarkdownIt) => void;
  export default plugin;
}
