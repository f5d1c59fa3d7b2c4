import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AUDIT_QUERY_HANDLERS } from './audit.queries';

/** the auditor's tools: as-of, explain, mandate, verify (HTTP; `npm run audit` is the CLI over the same functions) */
@Module({
  controllers: [AuditController],
  providers: [...AUDIT_QUERY_HANDLERS],
})
export class AuditModule {}
