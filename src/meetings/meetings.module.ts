import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { DelegationsModule } from '../delegations/delegations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { MeetingFacts } from './meeting-facts';
import { MeetingsController } from './meetings.controller';
import {
  AddAgendaItemHandler,
  ConveneMeetingHandler,
  DecideItemHandler,
  GetMeetingHandler,
  MeetingWriter,
  RecordMeetingHandler,
  ReportDelegatedDecisionsHandler,
} from './meetings.handlers';

@Module({
  imports: [OrganisationsModule, CasesModule, DelegationsModule],
  controllers: [MeetingsController],
  providers: [
    MeetingWriter,
    ConveneMeetingHandler,
    AddAgendaItemHandler,
    DecideItemHandler,
    ReportDelegatedDecisionsHandler,
    RecordMeetingHandler,
    GetMeetingHandler,
    MeetingFacts,
  ],
  exports: [MeetingFacts],
})
export class MeetingsModule {}
