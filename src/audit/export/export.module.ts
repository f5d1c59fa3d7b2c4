import { Module } from '@nestjs/common';

/** export of a case's complete history as an FGS/E-ARK-shaped package */
@Module({})
export class ExportModule {}
