import { Authority } from '../delegations/mandate';
import { ActivityOwner, AgreementEvent, AgreementOpened, RepaymentComputed, ReportingBackRecorded } from './agreements.events';
import { EventLog, History } from '../platform/event-log';

export interface AreaState {
  areaId: string;
  name: string;
  budgetOre: number;
  responsible: { userId: string; name: string } | null;
}

export interface ActivityState {
  activityId: string;
  areaId: string;
  title: string;
  allocatedOre: number;
  spentOre: number;
  /** the date of the latest outcome reported, null while none is: the repayment waits for every one */
  outcomeReportedOn: string | null;
  owner: ActivityOwner | null;
  recipientOrganisationIds: string[];
  /** what authorised the activity when it was first allocated; later moves name their own */
  authority: Authority;
  allocatedAt: string;
  allocatedBy: string;
}

type Opening = Omit<AgreementOpened['data'], 'areas' | 'recordedAt' | 'recordedBy'>;

/** The repayment as it stands: the latest figures, and the earlier ones corrections replaced (oldest first). */
export interface RepaymentState extends Omit<RepaymentComputed['data'], 'recordedAt' | 'recordedBy'> {
  earlier: Array<{ computedOn: string; repaymentOre: number }>;
}

export interface OpenedAgreement extends Opening {
  status: 'open';
  openedAt: string;
  openedBy: string;
  areas: AreaState[];
  activities: Record<string, ActivityState>;
  /** fixed by the first body decision on the area budgets; later body decisions must come from it */
  decidingBodyId: string | null;
  /** every event in order: the ledger's history and the way a retried command recognises its own work */
  history: History<AgreementEvent>;
  repayment: RepaymentState | null;
  reportingBack: ReportingBackRecorded['data'] | null;
}

export type AgreementState = { status: 'none' } | OpenedAgreement;

export const initialAgreementState: AgreementState = { status: 'none' };

export const agreementStreamId = (agreementId: string) => `agreement-${agreementId}`;

export const area = (state: OpenedAgreement, areaId: string): AreaState | undefined => state.areas.find((a) => a.areaId === areaId);

export const activitiesIn = (state: OpenedAgreement, areaId: string): ActivityState[] =>
  Object.values(state.activities).filter((a) => a.areaId === areaId);

export const allocatedIn = (state: OpenedAgreement, areaId: string): number => activitiesIn(state, areaId).reduce((sum, a) => sum + a.allocatedOre, 0);

export const budgetedTotal = (state: OpenedAgreement): number => state.areas.reduce((sum, a) => sum + a.budgetOre, 0);

export const spentTotal = (state: OpenedAgreement): number => Object.values(state.activities).reduce((sum, a) => sum + a.spentOre, 0);

const withArea = (state: OpenedAgreement, areaId: string, change: (a: AreaState) => AreaState): AreaState[] =>
  state.areas.map((a) => (a.areaId === areaId ? change(a) : a));

const withActivity = (state: OpenedAgreement, activityId: string, change: (a: ActivityState) => ActivityState) => ({
  ...state.activities,
  [activityId]: change(state.activities[activityId]),
});

function apply(state: OpenedAgreement, event: AgreementEvent): OpenedAgreement {
  switch (event.type) {
    case 'AgreementOpened':
      return state;
    case 'AreaBudgetsSet': {
      const byArea = new Map(event.data.budgets.map((b) => [b.areaId, b]));
      return {
        ...state,
        decidingBodyId: state.decidingBodyId ?? event.data.authority.bodyId,
        areas: state.areas.map((a) => {
          const line = byArea.get(a.areaId);
          return line ? { ...a, budgetOre: line.amountOre, responsible: { userId: line.responsibleUserId, name: line.responsibleName } } : a;
        }),
      };
    }
    case 'ActivityAllocated': {
      const { activityId, areaId, title, amountOre, owner, recipientOrganisationIds, authority, recordedAt, recordedBy } = event.data;
      const activity: ActivityState = {
        activityId,
        areaId,
        title,
        allocatedOre: amountOre,
        spentOre: 0,
        outcomeReportedOn: null,
        owner,
        recipientOrganisationIds,
        authority,
        allocatedAt: recordedAt,
        allocatedBy: recordedBy,
      };
      return { ...state, activities: { ...state.activities, [activityId]: activity } };
    }
    case 'FundsReallocatedWithinArea': {
      const { fromActivityId, toActivityId, amountOre } = event.data;
      const from = withActivity(state, fromActivityId, (a) => ({ ...a, allocatedOre: a.allocatedOre - amountOre }));
      return { ...state, activities: withActivity({ ...state, activities: from }, toActivityId, (a) => ({ ...a, allocatedOre: a.allocatedOre + amountOre })) };
    }
    case 'FundsReallocatedBetweenAreas': {
      const { fromAreaId, toAreaId, amountOre } = event.data;
      const from = withArea(state, fromAreaId, (a) => ({ ...a, budgetOre: a.budgetOre - amountOre }));
      return { ...state, areas: withArea({ ...state, areas: from }, toAreaId, (a) => ({ ...a, budgetOre: a.budgetOre + amountOre })) };
    }
    case 'OutcomeReported': {
      const { activityId, spentOre, reportedOn } = event.data;
      return { ...state, activities: withActivity(state, activityId, (a) => ({ ...a, spentOre, outcomeReportedOn: reportedOn })) };
    }
    case 'RepaymentComputed': {
      const { recordedAt: _at, recordedBy: _by, ...repayment } = event.data;
      return { ...state, repayment: { ...repayment, earlier: [] } };
    }
    case 'RepaymentRecomputed': {
      const { repaymentId, computedOn, totalOre, spentOre, repaymentOre, unbudgetedOre, areas, previousComputedOn, previousRepaymentOre } = event.data;
      const earlier = [...(state.repayment?.earlier ?? []), { computedOn: previousComputedOn, repaymentOre: previousRepaymentOre }];
      return { ...state, repayment: { repaymentId, computedOn, totalOre, spentOre, repaymentOre, unbudgetedOre, areas, earlier } };
    }
    case 'ReportingBackRecorded':
      return { ...state, reportingBack: event.data };
  }
}

export function evolveAgreement(state: AgreementState, event: AgreementEvent): AgreementState {
  if (event.type === 'AgreementOpened') {
    const { areas, recordedAt, recordedBy, ...opening } = event.data;
    return {
      status: 'open',
      ...opening,
      openedAt: recordedAt,
      openedBy: recordedBy,
      areas: areas.map((a) => ({ ...a, budgetOre: 0, responsible: null })),
      activities: {},
      decidingBodyId: null,
      history: EventLog.of<AgreementEvent>([]).append(event),
      repayment: null,
      reportingBack: null,
    };
  }
  if (state.status === 'none') return state;
  return { ...apply(state, event), history: EventLog.of(state.history).append(event) };
}
