import { formatKronor } from '../../agreements/money';
import { RecordedEvent } from '../../event-store/event-store.port';
import { ItemOutcome } from '../../meetings/decision-authority';
import { LegalForceStatus } from '../../meetings/meeting.protocol';
import { ChainResult } from './chain-check';
import { CurrentState } from './current-state';
import { CASE_STATUS_SV, DOCUMENT_KIND_SV, eventLabel, LEGAL_FORCE_SV, OUTCOME_SV, roleLabel, swedishTime } from './labels';
import { escapeHtml as h } from './text';

/**
 * The human-readable report (documentation/rapport.html), in Swedish. Everything a user typed —
 * titles, reasons, names — goes through `escapeHtml`; the page has no script and forbids any.
 */
export interface ReportInput {
  packageName: string;
  createdAt: string;
  organisation: { id: string; name: string };
  state: CurrentState;
  /** every included event, in the store's global order */
  events: RecordedEvent[];
  chains: Array<ChainResult & { path: string }>;
}

type Cell = string | number | null | undefined;
/** Cells are plain text (escaped here) unless already built HTML is passed as `{ html }`. */
type Html = { html: string };
const cell = (c: Cell | Html) => (typeof c === 'object' && c !== null ? c.html : h(c ?? '–'));
const table = (head: string[], rows: Array<Array<Cell | Html>>) =>
  rows.length === 0
    ? '<p class="none">Inga.</p>'
    : `<table><thead><tr>${head.map((t) => `<th>${h(t)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`;
const dl = (pairs: Array<[string, Cell | Html]>) => `<dl>${pairs.map(([k, v]) => `<dt>${h(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`;
const code = (text: Cell) => ({ html: `<code>${h(text)}</code>` });
const kr = (ore: number | null | undefined) => (typeof ore === 'number' ? formatKronor(ore) : '–');

function caseSection({ case: c }: CurrentState, org: ReportInput['organisation']): string {
  return `<section><h2>Ärendet</h2>${dl([
    ['Diarienummer', c.diaryNumber],
    ['Rubrik', c.title],
    ['Beskrivning', c.description],
    ['Organisation', `${org.name} (${org.id})`],
    ['Status', CASE_STATUS_SV[c.status]],
    ['Registrerat', `${swedishTime(c.registeredAt)} av ${c.registeredBy}`],
    ['Ärende-id', code(c.caseId)],
    ['Avslutat', c.closing ? `${swedishTime(c.closing.at)}: ${c.closing.reason}` : null],
    ['Återkallat', c.withdrawal ? `${swedishTime(c.withdrawal.at)}: ${c.withdrawal.reason}` : null],
  ])}</section>`;
}

function decisionsSection(state: CurrentState): string {
  const rows = state.case.decisions.map((d) => {
    const meeting = state.meetings.find((m) => m.meetingId === d.meetingId);
    const item = meeting?.items.find((i) => i.itemId === d.itemId);
    const force = item?.legalForce;
    const status = force ? (LEGAL_FORCE_SV[force.status as LegalForceStatus] ?? force.status) : null;
    return [
      meeting?.bodyName,
      meeting?.date,
      `§ ${d.paragraph}`,
      OUTCOME_SV[d.outcome as ItemOutcome] ?? d.outcome,
      item?.adjustment?.adjustedOn,
      item?.notice?.postedOn,
      item?.appealEndsOn,
      force ? `${status}${force.legalForceOn ? ` från ${force.legalForceOn}` : ''}` : null,
    ];
  });
  return `<section><h2>Beslut</h2><p>Laga kraft beräknad per ${h(state.today)}.</p>${table(
    ['Organ', 'Sammanträde', 'Paragraf', 'Beslut', 'Justerat', 'Anslag', 'Överklagandetid t.o.m.', 'Laga kraft'],
    rows,
  )}</section>`;
}

function agreementSection({ agreement: a }: CurrentState): string {
  if (!a) return '';
  return `<section><h2>Överenskommelse</h2>${dl([
    ['Namn', a.name],
    ['Statens referens', a.stateReference],
    ['Totalt', a.totalFormatted],
    ['Fördelat på områden', a.budgetedFormatted],
    ['Tilldelat aktiviteter', a.allocatedFormatted],
    ['Använt', a.spentFormatted],
  ])}${table(
    ['Utvecklingsområde', 'Budget', 'Tilldelat', 'Tillgängligt', 'Använt'],
    a.areas.map((area) => [area.name, area.budgetFormatted, area.allocatedFormatted, area.availableFormatted, area.spentFormatted]),
  )}</section>`;
}

function delegationSection(state: CurrentState): string {
  if (state.delegations.length === 0 && state.urgentDecisions.length === 0) return '';
  const delegations = table(
    ['Delegation', 'Version', 'Delegat', 'Områden', 'Beloppsgräns', 'Giltig', 'Beslut', 'Återkallad'],
    state.delegations.map((d) => [
      code(d.delegationId),
      d.current.version,
      d.current.delegate.kind === 'role' ? roleLabel(d.current.delegate.role) : d.current.delegate.userId,
      d.current.scope.areaIds.join(', '),
      kr(d.current.amountLimitOre),
      `${d.current.validFrom} – ${d.current.validUntil ?? 'tills vidare'}`,
      `§ ${d.current.decision.paragraph}`,
      d.revokedAt ? swedishTime(d.revokedAt) : null,
    ]),
  );
  const decisions = table(
    ['Beslut', 'Belopp', 'Fattat', 'Av', 'Delegationsversion', 'Anmält (KL 6:40)'],
    [...state.delegations.flatMap((d) => d.decisions), ...state.urgentDecisions].map((d) => [
      d.summary,
      kr(d.amountOre),
      swedishTime(d.decidedAt),
      d.decidedBy,
      d.delegationVersion,
      d.reported ? `${d.reported.reportedOn}, § ${d.reported.paragraph}` : 'inte anmält',
    ]),
  );
  return `<section><h2>Delegationer och delegationsbeslut</h2>${delegations}${decisions}</section>`;
}

function documentsSection({ case: c }: CurrentState): string {
  return `<section><h2>Handlingar</h2><p>Paketet innehåller handlingarnas uppgifter och kontrollsummor, inte själva filerna.</p>${table(
    ['Rubrik', 'Slag', 'SHA-256', 'Sekretess', 'Registrerad', 'Av'],
    c.documents.map((d) => [
      d.title,
      DOCUMENT_KIND_SV[d.kind],
      code(d.sha256),
      d.secrecy ? `sekretessmarkerad: ${d.secrecy.legalGround}` : null,
      swedishTime(d.attachedAt),
      d.attachedBy,
    ]),
  )}</section>`;
}

function timelineSection(events: RecordedEvent[]): string {
  const actor = (e: RecordedEvent) => (e.metadata.actor ?? {}) as { userId?: string; role?: string; organisationId?: string };
  return `<section><h2>Händelseförlopp</h2>${table(
    ['Tid', 'Händelse', 'Ström', 'Rev.', 'Aktör', 'Roll', 'Organisation', 'Hash'],
    events.map((e) => [
      swedishTime(e.metadata.occurredAt),
      { html: `${h(eventLabel(e.type))}<br><small>${h(e.type)}</small>` },
      code(e.streamId),
      e.revision,
      actor(e).userId,
      roleLabel(actor(e).role),
      actor(e).organisationId,
      code(typeof e.metadata.hash === 'string' ? e.metadata.hash : null),
    ]),
  )}</section>`;
}

function chainsSection(chains: ReportInput['chains']): string {
  return `<section><h2>Hashkedjor</h2>${table(
    ['Ström', 'Omfång', 'Händelser', 'Revisioner', 'Kontroll vid export', 'Fil'],
    chains.map((c) => [
      code(c.streamId),
      c.scope === 'whole' ? 'hela strömmen' : 'utdrag',
      c.count,
      `${c.firstRevision}–${c.lastRevision}`,
      c.ok ? 'stämmer' : `bruten vid revision ${c.broken?.revision}`,
      code(c.path),
    ]),
  )}</section>`;
}

const HOW_TO_VERIFY = `<section><h2>Så kontrolleras paketet</h2><ol>
<li>Filernas kontrollsummor: <code>sha256sum -c manifest-sha256.txt</code> i paketets rotmapp; METS.xml anger samma summor och storlekar.</li>
<li>Varje händelses <code>metadata.hash</code> är sha-256 över RFC 8785-kanonisk JSON av <code>{previousHash, type, data, metadata utan hash}</code>, där <code>previousHash</code> är föregående händelses hash i samma ström (null för den första).</li>
<li>Hela strömmar kontrolleras som kedja från revision 0. I utdrag anger filen <code>previousHashes</code> föregående händelses hash för varje händelse: varje händelse kan kontrolleras, men inte att inget saknas mellan dem.</li>
<li>Strömmens senaste revision och hash vid exporten (<code>head</code>) kan jämföras med en ny kontroll av händelselagret (<code>npm run audit -- verify</code>).</li>
</ol></section>`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:90rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}code{font-size:.8rem;word-break:break-all}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}`;

export function reportHtml(input: ReportInput): string {
  const { state, organisation } = input;
  const title = `Ärende ${state.case.diaryNumber}: ${state.case.title}`;
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${h(title)}</h1>
${dl([
  ['Paket', code(input.packageName)],
  ['Skapat', `${swedishTime(input.createdAt)} (${input.createdAt})`],
  ['Arkivbildare', `${organisation.name} (${organisation.id})`],
])}
${caseSection(state, organisation)}
${decisionsSection(state)}
${agreementSection(state)}
${delegationSection(state)}
${documentsSection(state)}
${timelineSection(input.events)}
${chainsSection(input.chains)}
${HOW_TO_VERIFY}
</body>
</html>
`;
}
