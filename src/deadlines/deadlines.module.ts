import { Module } from '@nestjs/common';

/** deadlines read model: what is due, and when */
@Module({})
export class DeadlinesModule {}
