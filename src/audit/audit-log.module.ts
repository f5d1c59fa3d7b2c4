import { Module } from '@nestjs/common';

/** the audit log read model */
@Module({})
export class AuditLogModule {}
