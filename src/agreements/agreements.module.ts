import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { AgreementWriter } from './agreement-writer';
import {
  AllocateActivityHandler,
  ComputeRepaymentHandler,
  GetAgreementHandler,
  OpenAgreementHandler,
  ReallocateHandler,
  RecordReportingBackHandler,
  ReportOutcomeHandler,
  SetAreaBudgetsHandler,
} from './agreements.commands';
import { AgreementsController } from './agreements.controller';
import { LedgerController } from './ledger.controller';
import { GetLedgerHandler, ListLedgerChangesHandler, ListLedgersHandler } from './ledger.queries';

@Module({
  imports: [CasesModule, MeetingsModule, DelegationsModule],
  controllers: [AgreementsController, LedgerController],
  providers: [
    AgreementWriter,
    OpenAgreementHandler,
    SetAreaBudgetsHandler,
    AllocateActivityHandler,
    ReallocateHandler,
    ReportOutcomeHandler,
    ComputeRepaymentHandler,
    RecordReportingBackHandler,
    GetAgreementHandler,
    ListLedgersHandler,
    GetLedgerHandler,
    ListLedgerChangesHandler,
  ],
})
export class AgreementsModule {}
