/** The CommonMark spec's examples, as the commonmark-spec package exports them (it ships no types). */
declare module 'commonmark-spec' {
  interface Example {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  const spec: { readonly text: string; readonly tests: readonly Example[] };
  export default spec;
}
