// ESLint gates the build. The rules that matter most: src/core stays free of vscode and Node I/O,
// so one core serves the CLI, the desktop extension and the web extension; and nothing the
// extension bundles touches Node, because the same bundle runs in the browser's web worker host.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'vscode'];
const restricted = [...nodeIo, ...nodeIo.map((m) => `node:${m}`)];
const webMessage = 'The extension also runs in the web worker extension host (vscode.dev), which has no Node built-ins: use vscode.workspace.fs, vscode.Uri or a web API.';
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]);
const webOnly = (names) => names.map((name) => ({ name, message: webMessage }));
// Node's globals: TypeScript accepts them (the project type-checks with @types/node) but the web
// host lacks them. `require` stays allowed: esbuild resolves it at build time (see libraries.ts).
const nodeGlobals = webOnly(['Buffer', 'process', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'global']);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', '.vscode-test/**', 'bench/corpus/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'eqeqeq': ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: webOnly(nodeBuiltins) }],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...restricted.map((name) => ({ name, message: 'src/core and src/shared must not do I/O or import vscode: go through the injected SpecWorkspace.' })),
          ...webOnly(nodeBuiltins.filter((name) => !restricted.includes(name))),
          // Its main entry asks the host platform (process, navigator) whether paths use backslashes.
          { name: 'picomatch', message: "Import 'picomatch/posix': workspace-relative paths always use '/'." },
        ],
      }],
      'no-restricted-globals': ['error', ...nodeGlobals],
    },
  },
);
