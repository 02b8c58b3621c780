// Vitest setup: the tests call the float64 references synchronously (runCpu,
// cpuWeights, the pipelines' parts), so every variant's CPU forms are loaded
// before any test runs, as the Workers and the CLI do before serving.
import { loadCpuForms } from '../variants/cpuForms';

await loadCpuForms();
