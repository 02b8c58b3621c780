/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mdx from '@mdx-js/rollup';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// base './' makes dist/ work when served from any sub-path (e.g. /explainer/):
// the whole view lives in the query string, so no path routing is needed.
export default defineConfig({
  base: './',
  plugins: [
    { enforce: 'pre', ...mdx({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }) },
    react({ include: /\.(mdx|ts|tsx)$/ }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: {
        // The engine's two faces only re-export. Saying so lets the bundler link
        // each import to the module that defines it, instead of pulling every module
        // a face re-exports into the chunks of whoever imports the face (without it
        // the landing page's chunks gained the lessons' registry and sweep code).
        moduleSideEffects: [{ test: /src[\\/]engine[\\/](index|webgpu)\.ts$/, sideEffects: false }],
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/engine/testing/loadCpuForms.setup.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
