// Bundles a headless entry (default the benchmark, src/engine/bench/cli.ts; set
// BUNDLE_ENTRY and BUNDLE_NAME for another, e.g. src/engine/gpu/selfcheck.ts) into
// one ES module, .gpu-build/<name>.mjs, for the real-GPU machine: WGSL (?raw) is inlined, the
// `webgpu` package (Dawn's native addon) stays external and is shipped by
// ../shared/gpu/pack.sh. Used by scripts/bench-h100.sh.
import { defineConfig } from 'vite';

const entry = process.env.BUNDLE_ENTRY ?? 'src/engine/bench/cli.ts';
const name = process.env.BUNDLE_NAME ?? 'cli';

export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: entry,
    outDir: '.gpu-build',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: {
      external: ['webgpu'],
      output: { format: 'es', entryFileNames: `${name}.mjs`, codeSplitting: false },
    },
  },
});
