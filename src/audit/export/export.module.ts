import { Module } from '@nestjs/common';
import { ExportController } from './export.controller';
import { ExportCaseHandler } from './export.query';

/** export of a case's complete history as an FGS/E-ARK-shaped package (docs/export.md) */
@Module({
  controllers: [ExportController],
  providers: [ExportCaseHandler],
})
export class ExportModule {}
