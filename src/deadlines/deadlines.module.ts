import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DeadlinesController } from './deadlines.controller';
import { ListDeadlinesHandler } from './deadlines.query';

/** deadlines read model: what is due, and when */
@Module({
  imports: [OrganisationsModule],
  controllers: [DeadlinesController],
  providers: [ListDeadlinesHandler],
})
export class DeadlinesModule {}
