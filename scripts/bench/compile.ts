import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
/**
 * Inside the repository (git-ignored), so the compiled files resolve node_modules as the sources
 * do; one directory per bench process, so two benches at once do not delete each other's files.
 */
const OUT = join(ROOT, 'bench-results', `js-${process.pid}`);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Transpiles `src/` and the bench's child entry points to plain JavaScript for the measured child
 * processes. Why not ts-node there: it keeps the TypeScript compiler in memory (a child started
 * with it sits at ~170 MB RSS before reading one event), which would swamp the RSS we measure.
 * Per-file transpilation without type checking is exact here (`isolatedModules` is on) and is
 * not disturbed by type errors in work in progress. Returns the compiled path of each entry.
 */
export function compileForChildren(entries: string[]): Record<string, string> {
  rmSync(OUT, { recursive: true, force: true });
  process.once('exit', () => rmSync(OUT, { recursive: true, force: true }));
  const options = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: ts.CompilerOptions };
  const { options: compilerOptions } = ts.convertCompilerOptionsFromJson(options.compilerOptions, ROOT);
  const files = [...sources(join(ROOT, 'src')), ...entries.map((e) => join(ROOT, e))];
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { ...compilerOptions, sourceMap: false, inlineSourceMap: false },
      fileName: file,
    });
    const target = join(OUT, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return Object.fromEntries(entries.map((e) => [e, join(OUT, e).replace(/\.ts$/, '.js')]));
}
