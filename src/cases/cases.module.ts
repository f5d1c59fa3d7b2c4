import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseFacts } from './case-facts';
import { ChangeCaseHandler } from './case-workflow.commands';
import { CasesController } from './cases.controller';
import { GetCaseByDiaryNumberHandler, GetCaseHandler, RegisterCaseHandler } from './cases.commands';

@Module({
  imports: [OrganisationsModule],
  controllers: [CasesController],
  providers: [RegisterCaseHandler, GetCaseHandler, GetCaseByDiaryNumberHandler, ChangeCaseHandler, CaseFacts],
  exports: [CaseFacts],
})
export class CasesModule {}
