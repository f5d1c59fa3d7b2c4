import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { GetCaseByDiaryNumberHandler, GetCaseHandler, RegisterCaseHandler } from './cases.commands';

@Module({
  controllers: [CasesController],
  providers: [RegisterCaseHandler, GetCaseHandler, GetCaseByDiaryNumberHandler],
})
export class CasesModule {}
