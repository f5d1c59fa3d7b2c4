import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { BodyDecisions } from './body-decisions';
import { DelegationRegister } from './delegation-register';
import { DelegationRegisterController } from './delegation-register.controller';
import { GetRegisterDelegationHandler, ListRegisterDecisionsHandler, ListRegisterDelegationsHandler } from './delegation-register.queries';
import { AmendDelegationHandler, GrantDelegationHandler, RecordUrgentDecisionHandler, RevokeDelegationHandler } from './delegations.commands';
import { DelegationsController } from './delegations.controller';
import { GetDelegationHandler, ListBodyDecisionsHandler, ListDelegationsHandler } from './delegations.queries';

/** Meeting decisions are reached through BodyDecisions, not by importing MeetingsModule (which imports this one). */
@Module({
  imports: [OrganisationsModule, CasesModule],
  controllers: [DelegationsController, DelegationRegisterController],
  providers: [
    BodyDecisions,
    DelegationRegister,
    GrantDelegationHandler,
    AmendDelegationHandler,
    RevokeDelegationHandler,
    RecordUrgentDecisionHandler,
    GetDelegationHandler,
    ListDelegationsHandler,
    ListBodyDecisionsHandler,
    ListRegisterDelegationsHandler,
    GetRegisterDelegationHandler,
    ListRegisterDecisionsHandler,
  ],
  exports: [DelegationRegister],
})
export class DelegationsModule {}
