import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Code outside src/engine reaches the engine only through its public faces:
// index.ts, and webgpu.ts for the pieces that carry WGSL (see its header). A
// relative path that climbs to an `engine/` folder can only mean src/engine.
const ENGINE_MODULES = '^(\\./|(\\.\\./)+)(src/)?engine/(?!(index|webgpu)$)';
const ENGINE_FACES_MESSAGE =
  "Import from the engine's public face (src/engine/index.ts, or src/engine/webgpu.ts for WGSL-carrying pieces), not from its modules; add a re-export there if it lacks one.";

// Components a reader can hold in their head (issue 12): no function over 150
// lines in components, app and lessons, no source file over 500 lines there
// or in state. Every line counts, as scripts/layout-report.mjs counts them.
const LONG_FUNCTION_FOLDERS = ['src/{components,app,lessons}/**/*.{ts,tsx}'];
const LONG_FILE_FOLDERS = ['src/{components,app,lessons,state}/**/*.{ts,tsx}'];
const TESTS = ['**/*.test.{ts,tsx}'];
// Data tables are long because their data is.
const DATA_TABLES = ['src/{components,app}/i18n/messages/**', '**/messages.ts', '**/strings.ts'];
// TODO(issue 12): split after the worker move lands
const AWAITING_WORKER_MOVE = [
  'src/lessons/hybrids/Lab.tsx',
  'src/lessons/seq-parallel/Lab.tsx',
  'src/lessons/rnn/Lab.tsx',
  'src/lessons/gating/Lab.tsx',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.gpu', '.gpu-*', '.gl', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node scripts; page.evaluate callbacks inside them run in the browser.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: ENGINE_MODULES, message: ENGINE_FACES_MESSAGE }] },
      ],
    },
  },
  {
    // GPU tests of views take the test device the engine's GPU tests use.
    files: ['src/**/*.gpu.test.ts'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: ENGINE_MODULES.replace('(index|webgpu)', '(index|webgpu|gpu/testSetup)'),
              message: ENGINE_FACES_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    files: LONG_FUNCTION_FOLDERS,
    ignores: [...TESTS, ...AWAITING_WORKER_MOVE],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 150, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
    },
  },
  {
    files: LONG_FILE_FOLDERS,
    ignores: [...TESTS, ...DATA_TABLES, ...AWAITING_WORKER_MOVE],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
    },
  },
);
