// The large libraries in files of their own, next to the Node bundles. src/core/libraries.ts
// requires each on first use, but Node still parses every byte of a bundle when it loads it:
// with them inside, extension.js was 1.15 MB (pinyin-pro 457 KB, yaml 112, ajv 102, markdown-it
// with entities 150) and loading it was most of the extension's activation time. Browser bundles
// cannot require a file at run time and keep them inside.

/** The packages src/core/libraries.ts loads lazily. */
const LIBRARIES = ['pinyin-pro', 'yaml', 'ajv', 'markdown-it', 'markdown-it-cjk-breaks'];

/** An esbuild plugin: each library resolves to `./lib/<name>.js`, left external. */
export const librariesApart = {
  name: 'libraries-apart',
  setup(build) {
    const filter = new RegExp(`^(${LIBRARIES.map((l) => l.replace(/[-.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./lib/${args.path}.js`, external: true }));
  },
};

/**
 * The build of those files into `<outdir>/lib/`, with the Node bundles' options. Each file is
 * `module.exports = require('<library>')`, so the library resolves as a `require` inside a bundle
 * would (its CommonJS build; an entry point would get the ES-module one and a `default` wrapper).
 */
export function librariesBuild(outdir, options) {
  const entries = {
    name: 'library-entries',
    setup(build) {
      build.onResolve({ filter: /^library:/ }, (args) => ({ path: args.path.slice('library:'.length), namespace: 'library' }));
      build.onLoad({ filter: /.*/, namespace: 'library' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, resolveDir: process.cwd(), loader: 'js' }));
    },
  };
  return {
    ...options, entryPoints: Object.fromEntries(LIBRARIES.map((l) => [l, `library:${l}`])), outdir: `${outdir}/lib`,
    outfile: undefined, banner: undefined, plugins: [entries], external: [],
  };
}

/**
 * `specboard mcp` in a bundle of its own (`dist/mcp.js`, 0.2 MB of MCP SDK and zod), so the
 * other commands do not parse it: main.ts's `import('./mcpCommand')` resolves to it at run time.
 */
export const mcpApart = {
  name: 'mcp-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/mcpCommand$/ }, () => ({ path: './mcp.js', external: true }));
  },
};
