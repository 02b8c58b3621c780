// Runs the headless engine exactly as the contract writes it,
//   npm run --silent engine -- ARGS
// for the command-line tests, and collects its exit status and both streams.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VECTORS_DIR } from './vectors';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runEngineCli(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'engine', '--', ...args], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The input part of a test vector file (shared/spec/vectors/NAME.json) that the CLI reads. */
export interface VectorInput {
  params?: Record<string, unknown>;
  inputs?: Record<string, number[]>;
}

let scratch: string | undefined;

/** The vector's input JSON, edited, as a file of its own in a scratch folder: for `--input`. */
export function vectorInputFile(name: string, edit: (input: VectorInput) => VectorInput = (x) => x): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'engine-cli-'));
  const raw = JSON.parse(readFileSync(join(VECTORS_DIR, `${name}.json`), 'utf8')) as { input: VectorInput };
  const path = join(scratch, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(edit(raw.input)));
  return path;
}

/** The vector's input with `params` merged over its own. */
export function vectorInputWithParams(name: string, params: Record<string, unknown>): string {
  return vectorInputFile(name, (input) => ({ ...input, params: { ...input.params, ...params } }));
}
