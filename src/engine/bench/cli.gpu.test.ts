// Runs the headless benchmark exactly as CI does (`npm run --silent bench -- --json --quick`)
// and checks the contract's JSON shape; speed is not asserted, only that every
// number is finite and positive.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GPU_AVAILABLE } from '../gpu/testSetup';

interface BenchJson {
  device: { name: string; limits: Record<string, number>; features: string[]; timing: string };
  ceilings: { matmulGflops: number; copyGBps: number };
  results: {
    variant: string;
    form: string;
    n: number;
    heads: number;
    dk: number;
    dv: number;
    ms: number;
    gflops?: number;
    gbps?: number;
  }[];
}

describe.skipIf(!GPU_AVAILABLE)('npm run bench -- --json --quick', () => {
  it('prints the contract JSON with finite, positive timings and ceilings', () => {
    const run = spawnSync('npx', ['vite-node', 'src/engine/bench/cli.ts', '--', '--json', '--quick'], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as BenchJson;
    expect(typeof json.device.name).toBe('string');
    expect(json.device.limits.maxStorageBufferBindingSize).toBeGreaterThan(0);
    expect(Array.isArray(json.device.features)).toBe(true);
    expect(['timestamp-query', 'submitted-work-done']).toContain(json.device.timing);
    for (const value of [json.ceilings.matmulGflops, json.ceilings.copyGBps]) {
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
    const forms = new Set(json.results.map((r) => `${r.variant}:${r.form}`));
    for (const wanted of [
      'softmax:parallel',
      'softmax:flash',
      'linear:parallel',
      'linear:recurrent',
      'linear:chunk',
    ]) {
      expect(forms.has(wanted), wanted).toBe(true);
    }
    for (const r of json.results) {
      for (const key of ['n', 'heads', 'dk', 'dv'] as const)
        expect(Number.isInteger(r[key]) && r[key] > 0).toBe(true);
      expect(Number.isFinite(r.ms) && r.ms > 0).toBe(true);
      if (r.gflops !== undefined) expect(Number.isFinite(r.gflops) && r.gflops > 0).toBe(true);
      if (r.gbps !== undefined) expect(Number.isFinite(r.gbps) && r.gbps > 0).toBe(true);
    }
  }, 180_000);
});
