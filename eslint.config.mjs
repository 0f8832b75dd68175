// ESLint gates the build. The rule that matters most: src/core stays free of vscode and Node I/O,
// so one core serves the CLI, the desktop extension and a future web build.
import tseslint from 'typescript-eslint';

const nodeIo = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'vscode'];
const restricted = [...nodeIo, ...nodeIo.map((m) => `node:${m}`)];

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
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...restricted.map((name) => ({ name, message: 'src/core and src/shared must not do I/O or import vscode: go through the injected SpecWorkspace.' })),
          // Its main entry asks the host platform (process, navigator) whether paths use backslashes.
          { name: 'picomatch', message: "Import 'picomatch/posix': workspace-relative paths always use '/'." },
        ],
      }],
    },
  },
);
