import { AgreementEvent } from './agreements.events';
import { activitiesIn, allocatedIn, AreaState, budgetedTotal, OpenedAgreement, spentTotal } from './agreement.state';
import { ActivityLedger, AgreementLedger, AgreementLedgerSummary, AreaLedger, HistoryEntry } from './agreements.views';
import { formatKronor as kr } from './money';

/** Money as the ledger shows it: öre, and the same amount for people. */
const money = <K extends string>(key: K, ore: number) => ({ [`${key}Ore`]: ore, [`${key}Formatted`]: kr(ore) }) as Record<`${K}Ore`, number> & Record<`${K}Formatted`, string>;

const areaName = (state: OpenedAgreement, areaId: string) => state.areas.find((a) => a.areaId === areaId)?.name ?? areaId;
const title = (state: OpenedAgreement, activityId: string) => `"${state.activities[activityId]?.title ?? activityId}"`;

/** One line in Swedish for each change: the history, and the summary on the delegation register. */
export function summarise(event: AgreementEvent, state: OpenedAgreement): string {
  switch (event.type) {
    case 'AgreementOpened':
      return `Överenskommelsen ${event.data.name} (${event.data.stateReference}) registrerad: ${kr(event.data.totalOre)}`;
    case 'AreaBudgetsSet':
      return `Budget per utvecklingsområde beslutad (§ ${event.data.authority.paragraph}): ${event.data.budgets
        .map((b) => `${areaName(state, b.areaId)} ${kr(b.amountOre)}`)
        .join('; ')}`;
    case 'ActivityAllocated':
      return `Aktivitet "${event.data.title}" inom ${areaName(state, event.data.areaId)}: ${kr(event.data.amountOre)}`;
    case 'FundsReallocatedWithinArea':
      return (
        `Omfördelning inom ${areaName(state, event.data.areaId)}: ${kr(event.data.amountOre)} ` +
        `från ${title(state, event.data.fromActivityId)} till ${title(state, event.data.toActivityId)}`
      );
    case 'FundsReallocatedBetweenAreas':
      return `Omfördelning mellan utvecklingsområden: ${kr(event.data.amountOre)} från ${areaName(state, event.data.fromAreaId)} till ${areaName(state, event.data.toAreaId)}`;
    case 'OutcomeReported':
      return `${event.data.correction ? 'Rättelse av utfall' : 'Utfall'} för ${title(state, event.data.activityId)} per ${event.data.reportedOn}: ${kr(event.data.spentOre)} (tidigare ${kr(event.data.previousSpentOre)})`;
    case 'RepaymentComputed':
      return `Återbetalning beräknad: ${kr(event.data.repaymentOre)}`;
    case 'RepaymentRecomputed':
      return `Återbetalning omräknad efter rättelse av utfall för ${title(state, event.data.activityId)}: ${kr(event.data.repaymentOre)} (tidigare ${kr(event.data.previousRepaymentOre)})`;
    case 'ReportingBackRecorded':
      return `Återrapportering inlämnad ${event.data.submittedOn} (${event.data.reference})`;
  }
}

function amountOf(event: AgreementEvent): number | null {
  switch (event.type) {
    case 'AgreementOpened':
      return event.data.totalOre;
    case 'AreaBudgetsSet':
      return event.data.budgets.reduce((sum, b) => sum + b.amountOre - b.previousOre, 0);
    case 'ActivityAllocated':
    case 'FundsReallocatedWithinArea':
    case 'FundsReallocatedBetweenAreas':
      return event.data.amountOre;
    case 'OutcomeReported':
      return event.data.spentOre;
    case 'RepaymentComputed':
    case 'RepaymentRecomputed':
      return event.data.repaymentOre;
    case 'ReportingBackRecorded':
      return null;
  }
}

export function historyEntry(event: AgreementEvent, revision: number, state: OpenedAgreement): HistoryEntry {
  const amountOre = amountOf(event);
  return {
    revision,
    type: event.type,
    summary: summarise(event, state),
    authority: 'authority' in event.data ? event.data.authority : null,
    amountOre,
    amountFormatted: amountOre === null ? null : kr(amountOre),
    recordedAt: event.data.recordedAt,
    recordedBy: event.data.recordedBy,
    data: event.data,
  };
}

function areaLedger(state: OpenedAgreement, area: AreaState): AreaLedger {
  const { areaId } = area;
  const activities: ActivityLedger[] = activitiesIn(state, areaId).map((a) => ({
    activityId: a.activityId,
    areaId: a.areaId,
    title: a.title,
    ...money('allocated', a.allocatedOre),
    ...money('spent', a.spentOre),
    owner: a.owner,
    recipientOrganisationIds: a.recipientOrganisationIds,
    authority: a.authority,
    allocatedAt: a.allocatedAt,
    allocatedBy: a.allocatedBy,
  }));
  const allocatedOre = allocatedIn(state, areaId);
  const spentOre = activities.reduce((sum, a) => sum + a.spentOre, 0);
  return {
    areaId,
    name: area.name,
    ...money('budget', area.budgetOre),
    ...money('allocated', allocatedOre),
    ...money('available', area.budgetOre - allocatedOre),
    ...money('spent', spentOre),
    ...money('unspent', area.budgetOre - spentOre),
    responsible: area.responsible,
    activities,
  };
}

/**
 * The agreement's figures as a write answers them: total, budgets, activities, repayment,
 * reporting back — without the history, which grows with every change (GET has it).
 */
export function toLedgerSummary(state: OpenedAgreement, revision: number): AgreementLedgerSummary {
  const budgetedOre = budgetedTotal(state);
  const { repayment, reportingBack } = state;
  return {
    agreementId: state.agreementId,
    organisationId: state.organisationId,
    caseId: state.caseId,
    name: state.name,
    stateReference: state.stateReference,
    year: state.year,
    useDeadline: state.useDeadline,
    reportingDate: state.reportingDate,
    repaymentDate: state.repaymentDate,
    decidingBodyId: state.decidingBodyId,
    ...money('total', state.totalOre),
    ...money('budgeted', budgetedOre),
    ...money('unbudgeted', state.totalOre - budgetedOre),
    ...money('allocated', state.areas.reduce((sum, a) => sum + allocatedIn(state, a.areaId), 0)),
    ...money('spent', spentTotal(state)),
    areas: state.areas.map((a) => areaLedger(state, a)),
    repayment: repayment && {
      computedOn: repayment.computedOn,
      ...money('repayment', repayment.repaymentOre),
      ...money('spent', repayment.spentOre),
      ...money('unbudgeted', repayment.unbudgetedOre),
      dueBy: state.repaymentDate,
      areas: repayment.areas.map((a) => ({ areaId: a.areaId, ...money('budget', a.budgetOre), ...money('spent', a.spentOre), ...money('unspent', a.unspentOre) })),
      earlier: repayment.earlier.map((e) => ({ computedOn: e.computedOn, ...money('repayment', e.repaymentOre) })),
    },
    reportingBack: reportingBack && { submittedOn: reportingBack.submittedOn, reference: reportingBack.reference, dueBy: state.reportingDate },
    openedAt: state.openedAt,
    openedBy: state.openedBy,
    revision,
  };
}

/** The agreement as its ledger: every figure and the history behind them. */
export function toLedger(state: OpenedAgreement, revision: number): AgreementLedger {
  return { ...toLedgerSummary(state, revision), history: state.history.map((event, i) => historyEntry(event, i, state)) };
}
