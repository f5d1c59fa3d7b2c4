import { agreementDecider } from '../agreements/agreement.decider';
import { summarise, toLedgerSummary } from '../agreements/agreement.ledger';
import { AgreementState, agreementStreamId } from '../agreements/agreement.state';
import { AgreementEvent } from '../agreements/agreements.events';
import { AgreementLedgerSummary } from '../agreements/agreements.views';
import { formatKronor } from '../agreements/money';
import { Authority } from '../delegations/mandate';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { NotFound, ValidationFailed } from '../platform/errors';
import { AuthorityReading, AuthorityResolver } from './authority';
import { domainEvent, EventRef, fold, refOf } from './history';

/** Every figure of the ledger that can be explained, and what it is called in Swedish. */
export const FIGURES = {
  total: 'överenskommelsens totalbelopp',
  budgeted: 'fördelat på utvecklingsområden',
  unbudgeted: 'ej fördelat på utvecklingsområden (återstod)',
  allocated: 'beslutat till aktiviteter, alla områden',
  spent: 'utfall, alla områden',
  'area-budget': 'utvecklingsområdets budget',
  'area-allocated': 'beslutat till aktiviteter i området',
  'area-available': 'tillgängligt i området (budget − beslutat)',
  'area-spent': 'utfall i området',
  'area-unspent': 'ej förbrukat i området (budget − utfall)',
  'activity-allocated': 'aktivitetens tilldelning',
  'activity-spent': 'aktivitetens utfall',
} as const;
export type Figure = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as Figure[];

export interface FigureTarget {
  areaId?: string;
  activityId?: string;
}

type Reader = (ledger: AgreementLedgerSummary) => number | null;

/** How each figure is read off the ledger the live endpoint shows: the explanation can never disagree with it. */
function reader(figure: Figure, { areaId, activityId }: FigureTarget): Reader {
  const area = (l: AgreementLedgerSummary) => l.areas.find((a) => a.areaId === areaId);
  const activity = (l: AgreementLedgerSummary) => l.areas.flatMap((a) => a.activities).find((a) => a.activityId === activityId);
  switch (figure) {
    case 'total':
      return (l) => l.totalOre;
    case 'budgeted':
      return (l) => l.budgetedOre;
    case 'unbudgeted':
      return (l) => l.unbudgetedOre;
    case 'allocated':
      return (l) => l.allocatedOre;
    case 'spent':
      return (l) => l.spentOre;
    case 'area-budget':
      return (l) => area(l)?.budgetOre ?? null;
    case 'area-allocated':
      return (l) => area(l)?.allocatedOre ?? null;
    case 'area-available':
      return (l) => area(l)?.availableOre ?? null;
    case 'area-spent':
      return (l) => area(l)?.spentOre ?? null;
    case 'area-unspent':
      return (l) => area(l)?.unspentOre ?? null;
    case 'activity-allocated':
      return (l) => activity(l)?.allocatedOre ?? null;
    case 'activity-spent':
      return (l) => activity(l)?.spentOre ?? null;
  }
}

const formatted = (ore: number | null) => (ore === null ? null : formatKronor(ore));

/** Whether an event is about the area or activity of the figure (for agreement-wide figures: none is singled out). */
function about({ areaId, activityId }: FigureTarget): (event: RecordedEvent) => boolean {
  const d = (e: RecordedEvent) => e.data as Record<string, unknown> & { budgets?: Array<{ areaId: string }> };
  if (areaId !== undefined) return (e) => [d(e).areaId, d(e).fromAreaId, d(e).toAreaId].includes(areaId) || (d(e).budgets?.some((b) => b.areaId === areaId) ?? false);
  if (activityId !== undefined) return (e) => [d(e).activityId, d(e).fromActivityId, d(e).toActivityId].includes(activityId);
  return () => false;
}

interface Change {
  event: RecordedEvent;
  before: number | null;
  after: number | null;
  state: AgreementState;
}

export interface ExplainStep {
  event: EventRef;
  /** the ledger's own line for the event */
  summary: string;
  /** who recorded it (user, role, organisation) */
  actor: unknown;
  /** null: the area or activity did not exist yet */
  beforeOre: number | null;
  beforeFormatted: string | null;
  afterOre: number | null;
  afterFormatted: string | null;
  deltaOre: number;
  deltaFormatted: string;
  /** what authorised it, as a person reads it; null for a registration or a reported outcome */
  authority: AuthorityReading | null;
}

export interface Explanation {
  agreementId: string;
  organisationId: string;
  figure: Figure;
  label: string;
  areaId: string | null;
  activityId: string | null;
  valueOre: number;
  valueFormatted: string;
  /** the ledger's revision the figure is read at */
  revision: number;
  /** every event that changed the figure, oldest first; the deltas add up to the value */
  chain: ExplainStep[];
  /**
   * events about the same area or activity that left this figure as it was (a reallocation inside
   * the area leaves its available money unchanged), for context; empty for agreement-wide figures
   */
  unchanged: ExplainStep[];
}

/** A figure that needs an area or an activity, named correctly: otherwise a 400 problem naming the field. */
function requireTarget(figure: Figure, target: FigureTarget): FigureTarget {
  const field = figure.startsWith('area-') ? 'areaId' : figure.startsWith('activity-') ? 'activityId' : null;
  if (field && !target[field]) throw new ValidationFailed([{ field, rules: { required: `the figure ${figure} needs ${field}` } }]);
  return field ? { [field]: target[field] } : {};
}

/**
 * The chain of events behind one figure of an agreement's ledger: the stream is folded with the
 * agreement's decider, the figure read off the ledger (`toLedgerSummary`, the live endpoint's own
 * function) after every event, and each event that changed it kept — with before, after, delta
 * and its authority resolved to the protocol's § or the delegated decision.
 */
export async function explainFigure(store: EventStore, agreementId: string, figure: Figure, target: FigureTarget = {}): Promise<Explanation> {
  const what = requireTarget(figure, target);
  const read = reader(figure, what);
  const concerns = about(what);
  const changes: Change[] = [];
  const unchanged: Change[] = [];
  let current: number | null = null;
  const folded = fold(agreementDecider, await store.readStream(agreementStreamId(agreementId)), (state, event) => {
    if (state.status !== 'open') return;
    const after = read(toLedgerSummary(state, event.revision));
    if (after !== current) changes.push({ event, before: current, after, state });
    else if (concerns(event)) unchanged.push({ event, before: current, after, state });
    current = after;
  });
  const { state } = folded;
  if (state.status !== 'open') throw new NotFound({ sv: 'Överenskommelsen', en: 'The agreement' }, { agreementId });
  const value = read(toLedgerSummary(state, folded.revision));
  if (value === null) {
    const missing = what.areaId !== undefined ? { sv: 'Utvecklingsområdet', en: 'The development area' } : { sv: 'Aktiviteten', en: 'The activity' };
    throw new NotFound(missing, { agreementId, ...what });
  }
  const resolver = new AuthorityResolver(store);
  const step = async ({ event, before, after, state: then }: Change): Promise<ExplainStep> => {
    const domain = domainEvent(agreementDecider, event) as AgreementEvent;
    const data = domain.data as { authority?: Authority; recordedAt: string; amountOre?: number };
    const deltaOre = (after ?? 0) - (before ?? 0);
    return {
      event: refOf(event),
      summary: then.status === 'open' ? summarise(domain, then) : domain.type,
      actor: event.metadata.actor ?? null,
      beforeOre: before,
      beforeFormatted: formatted(before),
      afterOre: after,
      afterFormatted: formatted(after),
      deltaOre,
      deltaFormatted: formatKronor(deltaOre),
      authority: data.authority ? await resolver.resolve(state.organisationId, data.authority, data.recordedAt, data.amountOre) : null,
    };
  };
  const steps = async (list: Change[]) => {
    const out: ExplainStep[] = [];
    for (const change of list) out.push(await step(change));
    return out;
  };
  return {
    agreementId,
    organisationId: state.organisationId,
    figure,
    label: FIGURES[figure],
    areaId: what.areaId ?? null,
    activityId: what.activityId ?? null,
    valueOre: value,
    valueFormatted: formatKronor(value),
    revision: folded.revision,
    chain: await steps(changes),
    unchanged: await steps(unchanged),
  };
}
