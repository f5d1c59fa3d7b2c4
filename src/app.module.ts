import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditLogModule } from './audit/audit-log.module';
import { AuditModule } from './audit/audit.module';
import { ExportModule } from './audit/export/export.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { CasesModule } from './cases/cases.module';
import { DelegationsModule } from './delegations/delegations.module';
import { MeetingsModule } from './meetings/meetings.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { EventStoreModule } from './event-store/event-store.module';
import { validateConfig } from './platform/config';
import { PlatformModule } from './platform/platform.module';
import { ProjectionsModule } from './projections/projections.module';

@Module({})
export class AppModule {
  /** `env` replaces process.env (tests and benchmarks pass their own); `extra` adds modules. */
  static register(options: { env?: Record<string, string | undefined>; extra?: Type[] } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // the validated settings are the only source: never process.env behind them (a `validate`
        // hook would also copy them into process.env, leaking one test app's settings into the next)
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...validateConfig(options.env ?? process.env) })],
        }),
        EventStoreModule,
        PlatformModule,
        ProjectionsModule,
        OrganisationsModule,
        CasesModule,
        MeetingsModule,
        DelegationsModule,
        AgreementsModule,
        DeadlinesModule,
        AuditLogModule,
        AuditModule,
        ExportModule,
        ...(options.extra ?? []),
      ],
    };
  }
}
