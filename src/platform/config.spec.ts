import { validateConfig } from './config';

describe('configuration', () => {
  it('has defaults for the embedded quick start', () => {
    expect(validateConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', AUTH_MODE: 'dev', SQLITE_SYNCHRONOUS: 'FULL' });
  });

  it('reads the environment', () => {
    const config = validateConfig({ PORT: '8080', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', REDIS_URL: 'redis://localhost:6379' });
    expect(config).toMatchObject({ PORT: 8080, KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', REDIS_URL: 'redis://localhost:6379' });
  });

  it('stops the start with a message naming every bad setting', () => {
    expect(() => validateConfig({ PORT: 'eighty', KURRENTDB_URL: 'http://x', AUTH_MODE: 'none' })).toThrow(
      /PORT[\s\S]*KURRENTDB_URL must be a KurrentDB connection string[\s\S]*AUTH_MODE/,
    );
  });
});
