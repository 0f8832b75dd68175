// esbuild's text loader turns these imports into strings (see esbuild.mjs): the export inlines
// the preview's stylesheets so every page is one self-contained file.
declare module '*.css' {
  const text: string;
  export default text;
}
