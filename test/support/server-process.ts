/**
 * The application in a process of its own, so a test can kill it (SIGKILL) mid-load.
 * Reports { port } over IPC once listening. DATA_DIR comes from the environment.
 */
import 'reflect-metadata';
import { createApp } from '../../src/app.factory';

async function main(): Promise<void> {
  const app = await createApp({
    env: { DATA_DIR: process.env.DATA_DIR, AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'FULL' },
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
