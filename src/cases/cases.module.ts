import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseBoardController } from './case-board.controller';
import { ListCaseBoardHandler } from './case-board.query';
import { CaseFacts } from './case-facts';
import { ChangeCaseHandler } from './case-workflow.commands';
import { CasesController } from './cases.controller';
import { GetCaseByDiaryNumberHandler, GetCaseHandler, RegisterCaseHandler } from './cases.commands';

@Module({
  imports: [OrganisationsModule],
  controllers: [CasesController, CaseBoardController],
  providers: [RegisterCaseHandler, GetCaseHandler, GetCaseByDiaryNumberHandler, ChangeCaseHandler, CaseFacts, ListCaseBoardHandler],
  exports: [CaseFacts],
})
export class CasesModule {}
