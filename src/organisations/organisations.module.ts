import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller';
import { ChangeBodyHandler, GetBodyHandler, GetOrganisationHandler, RegisterOrganisationHandler } from './organisations.commands';
import { Organisations } from './organisations.service';

@Module({
  controllers: [OrganisationsController],
  providers: [RegisterOrganisationHandler, ChangeBodyHandler, GetOrganisationHandler, GetBodyHandler, Organisations],
  exports: [Organisations],
})
export class OrganisationsModule {}
