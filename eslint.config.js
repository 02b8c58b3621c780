import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Code outside src/engine reaches the engine only through its public face,
// index.ts (the WGSL-carrying half loads through its loadWebGpu()). A relative
// path that climbs to an `engine/` folder can only mean src/engine.
const ENGINE_MODULES = '^(\\./|(\\.\\./)+)(src/)?engine/(?!index$)';
const ENGINE_FACES_MESSAGE =
  "Import from the engine's public face (src/engine/index.ts; WGSL-carrying pieces through its loadWebGpu()), not from its modules; add a re-export there if it lacks one.";

// The no-restricted-imports options for one folder: the engine's face always,
// plus the folders of src/ it must not import (matched as a relative path that
// climbs out of the folder and into them).
function restrictImports({ folders = [], why = '' } = {}) {
  const patterns = [{ regex: ENGINE_MODULES, message: ENGINE_FACES_MESSAGE }];
  if (folders.length) patterns.push({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message: why });
  return ['error', { patterns }];
}

const VIEWS_WHY =
  'Views are reusable: what belongs to one lesson lives in its folder, the shell and engine host in src/app.';

// Components a reader can hold in their head (issue 12): no function over 150
// lines in components, app and lessons, no source file over 500 lines there,
// in state or in the engine. Every line counts, as scripts/layout-report.mjs
// counts them.
const LONG_FUNCTION_FOLDERS = ['src/{components,app,lessons}/**/*.{ts,tsx}'];
const LONG_FILE_FOLDERS = ['src/{components,app,lessons,state,engine}/**/*.{ts,tsx}'];
const TESTS = ['**/*.test.{ts,tsx}'];
// Data tables are long because their data is.
const DATA_TABLES = ['src/i18n/messages/**', '**/messages.ts', '**/strings.ts'];

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
    rules: { 'no-restricted-imports': restrictImports() },
  },
  // Data flows URL ⇄ store → lesson → engine → views; no import runs against it.
  {
    files: ['src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['lessons', 'app'],
        why: VIEWS_WHY,
      }),
    },
  },
  {
    files: ['src/content/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['lessons'],
        why: 'Content is data that lessons read; types both need live in src/state/types.ts.',
      }),
    },
  },
  {
    // State learns the lessons through the catalog the app registers (lessonCatalog.ts),
    // and translates notices with the message tables (i18n/translate.ts, which imports no state).
    files: ['src/state/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports({
        folders: ['lessons', 'components', 'app', 'i18n(/index|/useT)?$'],
        why: 'State is the start of the flow: lessons, views and the shell read it, never the reverse.',
      }),
    },
  },
  {
    files: LONG_FUNCTION_FOLDERS,
    ignores: TESTS,
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 150, skipBlankLines: false, skipComments: false, IIFEs: true },
      ],
    },
  },
  {
    files: LONG_FILE_FOLDERS,
    ignores: [...TESTS, ...DATA_TABLES],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: false, skipComments: false }],
    },
  },
);
