import { CaseStatus } from '../../cases/case.state';
import { DocumentKind } from '../../cases/cases.events';
import { ItemOutcome } from '../../meetings/decision-authority';
import { LegalForceStatus } from '../../meetings/meeting.protocol';
import { Role } from '../../platform/actor';

/** The report is read by archivists and auditors in Swedish; the stored names stay beside them. */

export const ROLE_SV: Record<Role, string> = {
  registrar: 'registrator',
  case_officer: 'handläggare',
  committee_secretary: 'nämndsekreterare',
  chair: 'ordförande',
  regional_director: 'regiondirektör',
  auditor: 'revisor',
  recipient: 'mottagare av utdrag',
  system: 'systemet',
};

export const CASE_STATUS_SV: Record<CaseStatus, string> = {
  registered: 'registrerat',
  in_preparation: 'under beredning',
  ready_for_agenda: 'klart för föredragningslistan',
  on_agenda: 'på föredragningslistan',
  decided: 'beslutat',
  withdrawn: 'återkallat',
  closed: 'avslutat',
};

export const OUTCOME_SV: Record<ItemOutcome, string> = {
  approved: 'bifall',
  approved_with_amendments: 'bifall med ändringar',
  rejected: 'avslag',
  referred_back: 'återremiss',
  postponed: 'bordläggning',
};

export const LEGAL_FORCE_SV: Record<LegalForceStatus, string> = {
  not_decided: 'inte beslutat',
  not_applicable: 'inte tillämpligt',
  not_adjusted: 'protokollet är inte justerat',
  awaiting_notice: 'väntar på anslag',
  appeal_window_open: 'överklagandetiden löper',
  appealed: 'överklagat',
  ruling_appealable: 'domen kan överklagas',
  legal_force: 'laga kraft',
  annulled: 'upphävt efter överklagande',
};

export const DOCUMENT_KIND_SV: Record<DocumentKind, string> = {
  official_report: 'tjänsteskrivelse',
  decision_basis: 'beslutsunderlag',
  agreement: 'överenskommelse',
  protocol_extract: 'protokollsutdrag',
  other: 'övrig handling',
};

const EVENT_SV: Record<string, string> = {
  DiaryNumberAssigned: 'Diarienummer tilldelat',
  CaseRegistered: 'Ärendet registrerat',
  DocumentAttached: 'Handling registrerad',
  OfficialReportWritten: 'Tjänsteskrivelse skriven',
  PreparationRecorded: 'Beredning införd',
  CaseMarkedReadyForAgenda: 'Klart för föredragningslistan',
  CasePlacedOnAgenda: 'Uppfört på föredragningslistan',
  CaseRemovedFromAgenda: 'Struket från föredragningslistan',
  ItemOutcomeRecorded: 'Nämndens beslut infört i ärendet',
  CaseWithdrawn: 'Ärendet återkallat',
  CaseClosed: 'Ärendet avslutat',
  MeetingConvened: 'Sammanträde kallat',
  AgendaItemAdded: 'Punkt på föredragningslistan',
  AttendanceRecorded: 'Närvaro införd',
  ConflictOfInterestDeclared: 'Jäv anmält',
  ItemDecided: 'Beslut fattat (§)',
  ReservationEntered: 'Reservation anmäld',
  ReservationReasonsGiven: 'Skriftlig reservation',
  DelegatedDecisionsReported: 'Delegationsbeslut anmälda',
  MeetingClosed: 'Sammanträdet avslutat',
  ItemStruck: 'Ärendet utgick',
  MeetingCancelled: 'Sammanträdet inställt',
  AdjustersChanged: 'Justerare ändrade',
  ProtocolSigned: 'Protokollet signerat',
  ProtocolAdjusted: 'Protokollet justerat',
  ParagraphSigned: 'Paragraf signerad (omedelbar justering)',
  ParagraphAdjusted: 'Paragraf omedelbart justerad',
  AdjustmentNoticePosted: 'Anslag om justering',
  AppealLodged: 'Överklagande registrerat',
  AppealRuled: 'Dom i överklagande',
  DelegationGranted: 'Delegation beslutad',
  DelegationAmended: 'Delegation ändrad',
  DelegationRevoked: 'Delegation återkallad',
  DelegatedDecisionRecorded: 'Delegationsbeslut fattat',
  UrgentDecisionRecorded: 'Brådskande beslut av ordföranden',
  DelegatedDecisionReportWithdrawn: 'Anmälan av delegationsbeslut återtagen',
  AgreementOpened: 'Överenskommelse upplagd',
  AreaBudgetsSet: 'Budget per utvecklingsområde beslutad',
  ActivityAllocated: 'Medel till aktivitet',
  FundsReallocatedWithinArea: 'Omfördelning inom område',
  FundsReallocatedBetweenAreas: 'Omfördelning mellan områden',
  OutcomeReported: 'Utfall rapporterat',
  RepaymentComputed: 'Återbetalning beräknad',
  RepaymentRecomputed: 'Återbetalning omräknad (rättelse)',
  ReportingBackRecorded: 'Återrapportering inlämnad',
};

export const eventLabel = (type: string): string => EVENT_SV[type] ?? type;

export const roleLabel = (role: unknown): string => (typeof role === 'string' && role in ROLE_SV ? ROLE_SV[role as Role] : String(role ?? '–'));

const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant on Swedish time, e.g. "2022-03-22 09:00:00" (the zone is fixed, so every machine writes the same). */
export function swedishTime(iso: unknown): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return '–';
  return TIME.format(new Date(iso));
}
