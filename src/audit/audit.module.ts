import { Module } from '@nestjs/common';

/** the auditor's tools: as-of, explain, mandate, verify */
@Module({})
export class AuditModule {}
