import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createApp } from './app.factory';
import { loadDemoIfEmpty } from './demo/seed-003.demo';
import { AppConfig, validateConfig } from './platform/config';

async function main(): Promise<void> {
  // validated here too so a bad setting stops the start before anything is opened
  const { LOG_LEVEL, DEMO_DATA, KURRENTDB_URL } = validateConfig(process.env);
  const app = await createApp({ logger: LOG_LEVEL });
  await loadDemoIfEmpty(app, DEMO_DATA === 'true' || (DEMO_DATA === 'auto' && !KURRENTDB_URL));
  const port = app.get(ConfigService<AppConfig, true>).get('PORT', { infer: true });
  await app.listen(port, '0.0.0.0');
  Logger.log(`Fördela on http://localhost:${port} — API docs at /api/docs`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
