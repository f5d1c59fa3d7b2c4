import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { compileForChildren } from './compile';
import type { PhaseResult, PhaseSpec } from './phase';

const PHASE = 'scripts/bench/phase.ts';
let compiled: string | undefined;

/** The phase entry point as plain JavaScript, compiled once per bench run. */
function phaseScript(): string {
  if (!compiled) {
    console.error('bench: transpiling src/ for the measured child processes …');
    compiled = compileForChildren([PHASE])[PHASE];
  }
  return compiled;
}

/**
 * Runs one phase in a fresh node process and returns what it measured. Extra node flags for it
 * come from BENCH_PHASE_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=bench-results/prof").
 */
export function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const nodeArgs = (process.env.BENCH_PHASE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, phaseScript()], {
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_PHASE: JSON.stringify(spec) },
  });
  return new Promise<PhaseResult>((resolve, reject) => {
    let result: PhaseResult | undefined;
    child.once('message', (m: PhaseResult) => (result = m));
    child.once('error', reject);
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`bench phase ${spec.kind} exited with ${code}`))));
  });
}
