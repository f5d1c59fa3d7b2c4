import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AuditLogController } from './audit-log.controller';
import { ListAuditLogHandler } from './audit-log.query';

/** the audit log read model */
@Module({
  imports: [CasesModule],
  controllers: [AuditLogController],
  providers: [ListAuditLogHandler],
})
export class AuditLogModule {}
