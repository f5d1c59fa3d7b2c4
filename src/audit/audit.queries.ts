import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { requireAuditAccess } from '../platform/access.rules';
import { Actor } from '../platform/actor';
import { NotFound } from '../platform/errors';
import { asOf, AsOfKind, AsOfResult } from './as-of';
import { Explanation, explainFigure, Figure, FigureTarget } from './explain';
import { requireInstant } from './instant';
import { MandateReport, mandateReport } from './mandate-report';
import { VerifyResult, verifyStore } from './verify';

export class AsOfQuery {
  constructor(readonly kind: AsOfKind, readonly id: string, readonly at: string, readonly actor: Actor) {}
}
export class ExplainFigureQuery {
  constructor(readonly agreementId: string, readonly figure: Figure, readonly target: FigureTarget, readonly actor: Actor) {}
}
export class MandateQuery {
  constructor(readonly decisionId: string, readonly organisationId: string | undefined, readonly actor: Actor) {}
}
export class VerifyQuery {
  constructor(readonly actor: Actor) {}
}

/**
 * Like the live endpoints, the tools answer about the actor's own organisation: another's case or
 * agreement is answered as missing. The `system` role (operations) sees every organisation; the
 * CLI, run by whoever runs the service, works on the whole store.
 */
function ownOrganisation(actor: Actor, organisationId: string, notFound: () => NotFound): void {
  if (actor.role !== 'system' && organisationId !== actor.organisationId) throw notFound();
}

@QueryHandler(AsOfQuery)
export class AsOfHandler implements IQueryHandler<AsOfQuery, AsOfResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ kind, id, at, actor }: AsOfQuery): Promise<AsOfResult> {
    requireAuditAccess(actor.role);
    const instant = requireInstant(at);
    // a delegation is looked for on the actor's own register (by the system role, on any)
    const register = kind === 'delegation' && actor.role !== 'system' ? actor.organisationId : undefined;
    const result = await asOf(this.store, kind, id, instant, { organisationId: register });
    ownOrganisation(actor, result.organisationId, () => new NotFound({ sv: 'Det efterfrågade', en: 'The thing asked for' }, { kind, id }));
    return result;
  }
}

@QueryHandler(ExplainFigureQuery)
export class ExplainFigureHandler implements IQueryHandler<ExplainFigureQuery, Explanation> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ agreementId, figure, target, actor }: ExplainFigureQuery): Promise<Explanation> {
    requireAuditAccess(actor.role);
    const explanation = await explainFigure(this.store, agreementId, figure, target);
    ownOrganisation(actor, explanation.organisationId, () => new NotFound({ sv: 'Överenskommelsen', en: 'The agreement' }, { agreementId }));
    return explanation;
  }
}

@QueryHandler(MandateQuery)
export class MandateHandler implements IQueryHandler<MandateQuery, MandateReport> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ decisionId, organisationId, actor }: MandateQuery): Promise<MandateReport> {
    requireAuditAccess(actor.role);
    const register = organisationId ?? actor.organisationId;
    const notFound = () => new NotFound({ sv: 'Delegationsbeslutet', en: 'The delegated decision' }, { delegatedDecisionId: decisionId, organisationId: register });
    ownOrganisation(actor, register, notFound);
    return mandateReport(this.store, decisionId, { organisationId: register });
  }
}

/** The whole store, every organisation: a broken link is the operator's business whoever's stream it is in. */
@QueryHandler(VerifyQuery)
export class VerifyHandler implements IQueryHandler<VerifyQuery, VerifyResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ actor }: VerifyQuery): Promise<VerifyResult> {
    requireAuditAccess(actor.role);
    return verifyStore(this.store);
  }
}

export const AUDIT_QUERY_HANDLERS = [AsOfHandler, ExplainFigureHandler, MandateHandler, VerifyHandler];
