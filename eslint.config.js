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
);
