import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { openEventStore } from '../event-store/event-store.module';
import { validateConfig } from '../platform/config';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { rebuildProjections } from '../projections/rebuild';
import { openReadDatabase } from '../projections/read-database';

/**
 * `npm run projections -- rebuild [name…]` and `npm run projections -- list`, on the same
 * configuration as the service (DATA_DIR or KURRENTDB_URL; DATABASE_URL for PostgreSQL).
 */
async function main(argv: string[]): Promise<void> {
  const program = new Command('projections').description('Fördelas läsmodeller (read models)').showHelpAfterError();
  program
    .command('list')
    .description('list the read models and their versions')
    .action(() => {
      for (const p of ALL_PROJECTIONS) console.log(`${p.name}\tversion ${p.version}\ttables ${p.tables.join(', ')}`);
    });
  program
    .command('rebuild')
    .argument('[names...]', `read models to rebuild (default: all): ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`)
    .description('drop the read models and replay the whole event history into them')
    .action(async (names: string[]) => {
      const config = validateConfig(process.env);
      Logger.overrideLogger(['error', 'warn']);
      const store = openEventStore(config);
      const db = await openReadDatabase(config);
      const bar = new SingleBar(
        { format: 'rebuild {bar} {percentage}% | {value}/{total} positions | {events} events | {rate} events/s', hideCursor: true },
        Presets.shades_classic,
      );
      const started = Date.now();
      let barStarted = false;
      try {
        const result = await rebuildProjections(store, db, ALL_PROJECTIONS, {
          names,
          onProgress: ({ events, position, target }) => {
            const rate = Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
            if (!barStarted) {
              bar.start(target ?? position, 0, { events: 0, rate: 0 });
              barStarted = true;
            }
            if (target === undefined || position > target) bar.setTotal(position);
            bar.update(position, { events, rate });
          },
        });
        if (barStarted) bar.stop();
        const which = names.length > 0 ? names.join(', ') : 'all read models';
        console.log(`rebuilt ${which}: ${result.events} events in ${result.seconds.toFixed(1)} s (${db.description})`);
      } finally {
        if (barStarted) bar.stop();
        await db.close();
        await store.close();
      }
    });
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
