import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../../event-store/event-store.port';
import { requireAuditAccess } from '../../platform/access.rules';
import { Actor } from '../../platform/actor';
import { Clock, CLOCK } from '../../platform/clock';
import { exportCasePackage } from './case-package';
import { zipPackage } from './package-io';

export class ExportCaseQuery {
  constructor(readonly caseId: string, readonly actor: Actor) {}
}

export interface ExportedCase {
  name: string;
  zip: Uint8Array;
}

/** AUDIT-ROLE, then the package of the actor's own organisation's case as of the clock's now (another's case is NOT-FOUND). */
@QueryHandler(ExportCaseQuery)
export class ExportCaseHandler implements IQueryHandler<ExportCaseQuery, ExportedCase> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ caseId, actor }: ExportCaseQuery): Promise<ExportedCase> {
    requireAuditAccess(actor.role);
    const pkg = await exportCasePackage(this.store, caseId, { now: this.clock.now(), organisationId: actor.organisationId });
    return { name: pkg.name, zip: zipPackage(pkg) };
  }
}
