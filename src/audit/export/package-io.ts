import { zipSync, Zippable } from 'fflate';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { ExportPackage } from './case-package';

/**
 * Every entry gets the same timestamp, the DOS epoch, so two exports of the same store and `now`
 * are byte-equal on any machine (the local-time constructor gives the same DOS fields in every
 * time zone). The package's own dates are in METS and PREMIS.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The package as one zip that unpacks to a single root folder named after the package (CSIPSTR1, CSIPSTR2). */
export function zipPackage(pkg: ExportPackage): Uint8Array {
  const entries: Zippable = {};
  // insertion order is the zip's order: sorted, whatever order the files came in
  for (const file of [...pkg.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[`${pkg.name}/${file.path}`] = [file.content, { mtime: FIXED_MTIME, level: 6 }];
  }
  return zipSync(entries);
}

/** Writes the package's root folder into `dir` (created if missing); answers the root folder's path. */
export async function writePackageDirectory(pkg: ExportPackage, dir: string): Promise<string> {
  const root = resolve(dir, pkg.name);
  for (const file of pkg.files) {
    const target = resolve(root, file.path);
    // package paths are built by the exporter, never taken from input; still, nothing is written outside the root
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the package: ${file.path}`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return root;
}
