import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DecisionRegisterController } from './decision-register.controller';
import { ListDecisionRegisterHandler } from './decision-register.query';
import { MeetingFacts } from './meeting-facts';
import { MeetingsController } from './meetings.controller';
import {
  AddAgendaItemHandler,
  ConveneMeetingHandler,
  DecideItemHandler,
  GetMeetingHandler,
  MeetingWriter,
  RecordMeetingHandler,
} from './meetings.handlers';
import { ReportDelegatedDecisionsHandler } from './meetings.report.handler';
import { CancelMeetingHandler, StrikeItemHandler } from './meetings.strike.handlers';

@Module({
  imports: [OrganisationsModule, CasesModule, DelegationsModule],
  controllers: [MeetingsController, DecisionRegisterController],
  providers: [
    MeetingWriter,
    ConveneMeetingHandler,
    AddAgendaItemHandler,
    DecideItemHandler,
    ReportDelegatedDecisionsHandler,
    StrikeItemHandler,
    CancelMeetingHandler,
    RecordMeetingHandler,
    GetMeetingHandler,
    MeetingFacts,
    ListDecisionRegisterHandler,
  ],
  exports: [MeetingFacts],
})
export class MeetingsModule {}
