import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BodyDecisionFact, BodyDecisionRef } from '../meetings/decision-authority';
import { MeetingFacts } from '../meetings/meeting-facts';

/**
 * MeetingFacts, looked up when first needed. The meetings capability imports DelegationsModule
 * (reports of delegated decisions, KL 6:40) while a delegation rests on a meeting's decision;
 * importing MeetingsModule back would make the two modules a cycle.
 */
@Injectable()
export class BodyDecisions {
  private facts?: MeetingFacts;

  constructor(private readonly moduleRef: ModuleRef) {}

  bodyDecision(organisationId: string, ref: BodyDecisionRef): Promise<BodyDecisionFact | null> {
    this.facts ??= this.moduleRef.get(MeetingFacts, { strict: false });
    return this.facts.bodyDecision(organisationId, ref);
  }
}
