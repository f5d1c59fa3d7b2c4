import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

/** Every setting Fördela reads, checked once at start: a bad value stops the service with a clear message. */
export class AppConfig {
  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @Matches(/^(kurrentdb|kdb|esdb|esdb\+discover|kurrentdb\+discover):\/\/.+/, {
    message: 'KURRENTDB_URL must be a KurrentDB connection string, e.g. kurrentdb://localhost:2113?tls=false',
  })
  KURRENTDB_URL?: string;

  /** PostgreSQL for the read models (the usual pairing with KurrentDB); without it they live in DATA_DIR/read-models.db */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a PostgreSQL URL, e.g. postgres://fordela@localhost:5432/fordela' })
  DATABASE_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'DATABASE_SCHEMA must be a plain lower-case identifier, e.g. public' })
  DATABASE_SCHEMA = 'public';

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string;

  /** Until authentication lands, only the development mode exists: the actor comes from headers. */
  @IsIn(['dev'], { message: 'AUTH_MODE must be "dev" (the only mode until authentication is built)' })
  AUTH_MODE = 'dev';

  /** FULL: an acknowledged command survives power loss. NORMAL: survives a crash of the process only. */
  @IsIn(['FULL', 'NORMAL'])
  SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  /** auto: load the seed-003 demo case on an empty embedded store at `npm start`; true: on any empty store; false: never */
  @IsIn(['auto', 'true', 'false'])
  DEMO_DATA: 'auto' | 'true' | 'false' = 'auto';

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
