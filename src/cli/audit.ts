import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Command } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF_KINDS, asOf, AsOfKind } from '../audit/as-of';
import { exportCasePackage, writePackageDirectory, zipPackage } from '../audit/export';
import { explainFigure, Figure, FIGURE_NAMES } from '../audit/explain';
import { INSTANT_HELP, parseInstant } from '../audit/instant';
import { mandateReport } from '../audit/mandate-report';
import { renderAsOf, renderExplanation, renderMandate, renderVerify } from '../audit/render';
import { verifyStore } from '../audit/verify';
import { EventStore } from '../event-store/event-store.port';
import { KurrentDbEventStore } from '../event-store/kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { validateConfig } from '../platform/config';
import { Problem } from '../platform/errors';

/**
 * `npm run audit -- <command>`: the auditor's tools on the event store itself (DATA_DIR's SQLite
 * file, opened read-only so it runs next to a running service, or KURRENTDB_URL). Exit codes:
 * 0 done (verify: every chain intact), 1 verify found a broken link, 2 bad input or not found,
 * 3 anything else (the store could not be read).
 */

class UsageError extends Error {}

function openStore(): EventStore {
  const config = validateConfig(process.env);
  if (config.KURRENTDB_URL) return new KurrentDbEventStore(config.KURRENTDB_URL);
  const file = join(config.DATA_DIR, 'events.db');
  if (!existsSync(file)) throw new UsageError(`no event store at ${file} (set DATA_DIR, or KURRENTDB_URL)`);
  return new SqliteEventStore({ file, readonly: true });
}

async function withStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const print = (json: boolean, value: unknown, text: (v: never) => string) => console.log(json ? JSON.stringify(value, null, 2) : text(value as never));

function instant(text: string): Date {
  const at = parseInstant(text);
  if (!at) throw new UsageError(`not an instant: ${text} (${INSTANT_HELP})`);
  return at;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('audit')
    .description('Fördelas granskningsverktyg (the auditor’s tools) on DATA_DIR or KURRENTDB_URL')
    .option('--json', 'print the answer as JSON')
    .showHelpAfterError();
  const json = () => program.opts<{ json?: boolean }>().json === true;

  program
    .command('as-of')
    .description('a case, agreement or delegation as it stood at an instant (business time: metadata.occurredAt ≤ instant)')
    .argument('<kind>', AS_OF_KINDS.join(' | '))
    .argument('<id>')
    .argument('<instant>', INSTANT_HELP)
    .option('--organisation <organisationId>', 'delegation: whose register (default: searched for)')
    .action(async (kind: string, id: string, at: string, options: { organisation?: string }) => {
      if (!(AS_OF_KINDS as readonly string[]).includes(kind)) throw new UsageError(`kind must be one of ${AS_OF_KINDS.join(', ')}`);
      const result = await withStore((store) => asOf(store, kind as AsOfKind, id, instant(at), { organisationId: options.organisation }));
      print(json(), result, renderAsOf);
    });

  program
    .command('explain')
    .description('the chain of events and decisions behind a figure of an agreement’s ledger')
    .argument('<agreementId>')
    .argument('<figure>', FIGURE_NAMES.join(' | '))
    .option('--area <areaId>', 'for area-… figures')
    .option('--activity <activityId>', 'for activity-… figures')
    .action(async (agreementId: string, figure: string, options: { area?: string; activity?: string }) => {
      if (!(FIGURE_NAMES as string[]).includes(figure)) throw new UsageError(`figure must be one of ${FIGURE_NAMES.join(', ')}`);
      const result = await withStore((store) => explainFigure(store, agreementId, figure as Figure, { areaId: options.area, activityId: options.activity }));
      print(json(), result, renderExplanation);
    });

  program
    .command('mandate')
    .description('the delegation version in force when a delegated decision was taken, and every check it passed')
    .argument('<decisionId>')
    .option('--organisation <organisationId>', 'whose register (default: searched for)')
    .action(async (decisionId: string, options: { organisation?: string }) => {
      const result = await withStore((store) => mandateReport(store, decisionId, { organisationId: options.organisation }));
      print(json(), result, renderMandate);
    });

  program
    .command('verify')
    .description('recompute the hash chain of every stream; exit 1 naming the first broken link')
    .action(async () => {
      const result = await withStore((store) => verifyStore(store));
      print(json(), result, renderVerify);
      if (!result.ok) process.exitCode = 1;
    });

  program
    .command('export')
    .argument('<caseId>', 'the case (ärende) id')
    .option('--out <dir>', 'where to write the package', '.')
    .option('--directory', 'write the package as a folder instead of a zip file')
    .description('a case’s complete history as an FGS/E-ARK-shaped package (see docs/export.md)')
    .action(async (caseId: string, options: { out: string; directory?: boolean }) => {
      const pkg = await withStore((store) => exportCasePackage(store, caseId, { now: new Date() }));
      mkdirSync(options.out, { recursive: true });
      let path: string;
      if (options.directory) path = await writePackageDirectory(pkg, options.out);
      else writeFileSync((path = join(options.out, `${pkg.name}.zip`)), zipPackage(pkg));
      const summary = { package: pkg.name, files: pkg.files.length, path };
      print(json(), summary, (r: typeof summary) => `exported ${r.package}: ${r.files} files → ${r.path}`);
    });

  await program.parseAsync(argv);
}

Logger.overrideLogger(['error', 'warn']);
main(process.argv).catch((error: unknown) => {
  if (error instanceof Problem) console.error(`${error.ruleId}: ${error.sv} (${error.en}) ${JSON.stringify(error.details)}`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof Problem || error instanceof UsageError ? 2 : 3);
});
