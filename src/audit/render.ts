import { AgreementLedger } from '../agreements/agreements.views';
import { AsOfResult } from './as-of';
import { Explanation } from './explain';
import { EventRef } from './history';
import { MandateReport } from './mandate-report';
import { VerifyResult } from './verify';

/** The auditor's answers as text for a terminal (`npm run audit`); `--json` prints the answers themselves. */

const ref = (e: EventRef) => `${e.streamId} revision ${e.revision} ${e.type} (${e.occurredAt})`;
const pad = (text: string, width: number) => text.padEnd(width);

function ledgerLines(ledger: AgreementLedger): string[] {
  const lines = [
    `${ledger.name} (${ledger.stateReference})`,
    `  totalt ${ledger.totalFormatted} · fördelat ${ledger.budgetedFormatted} · ej fördelat ${ledger.unbudgetedFormatted} · beslutat ${ledger.allocatedFormatted} · utfall ${ledger.spentFormatted}`,
  ];
  for (const area of ledger.areas) {
    lines.push(
      `  ${pad(area.areaId, 16)} budget ${pad(area.budgetFormatted, 14)} beslutat ${pad(area.allocatedFormatted, 14)} tillgängligt ${pad(area.availableFormatted, 14)} utfall ${area.spentFormatted}`,
    );
    for (const a of area.activities) lines.push(`    - ${a.title}: ${a.allocatedFormatted} (utfall ${a.spentFormatted})`);
  }
  return lines;
}

export function renderAsOf(result: AsOfResult): string {
  const lines = [
    `${result.kind} ${result.id} per ${result.at}`,
    `  ${result.timeBasis.sv}`,
    `  står på: ${ref(result.standsOn)}`,
    `  ${result.eventsFolded} händelser med, ${result.eventsAfter} senare händelser inte med`,
    '',
  ];
  if (result.kind === 'agreement') lines.push(...ledgerLines(result.state as AgreementLedger), '', '(--json visar hela vyn)');
  else lines.push(JSON.stringify(result.state, null, 2));
  return lines.join('\n');
}

export function renderExplanation(e: Explanation): string {
  const target = e.areaId ?? e.activityId;
  const lines = [`${e.figure}${target ? ` (${target})` : ''}: ${e.label} = ${e.valueFormatted}  [överenskommelse ${e.agreementId}, revision ${e.revision}]`];
  for (const step of e.chain) {
    lines.push(`  ${ref(step.event)}`);
    lines.push(`    ${step.beforeFormatted ?? '–'} → ${step.afterFormatted ?? '–'} (${step.deltaOre >= 0 ? '+' : ''}${step.deltaFormatted})  ${step.summary}`);
    lines.push(`    grund: ${step.authority?.text ?? 'ingen (registrering eller rapporterat utfall)'}`);
  }
  if (e.unchanged.length > 0) lines.push('  lämnade siffran oförändrad:');
  for (const step of e.unchanged) lines.push(`    ${ref(step.event)}: ${step.summary}`, `      grund: ${step.authority?.text ?? 'ingen'}`);
  return lines.join('\n');
}

export function renderMandate(m: MandateReport): string {
  const d = m.decision;
  const lines = [
    `delegationsbeslut ${m.delegatedDecisionId} (${m.organisationId})`,
    `  ${d.kind} ${d.amountFormatted} i ${d.areaIds.join(', ')} av ${d.decidedBy.userId} (${d.decidedBy.role}) ${d.decidedAt}`,
    `  händelse: ${ref(d.event)}`,
    m.delegation
      ? `  delegation ${m.delegation.delegationId} version ${m.delegation.version} gällde (beslutet anger version ${m.recordedVersion}); given av ${m.grantedBy?.text ?? '?'}`
      : '  ingen delegation gällde',
    `  ${m.inside ? 'INOM mandatet' : 'UTANFÖR mandatet'}:`,
    ...m.checks.map((c) => `    ✓ ${pad(c.ruleId, 30)} ${c.sv}`),
    ...(m.refusal ? [`    ✗ ${pad(m.refusal.ruleId, 30)} ${m.refusal.sv}`] : []),
    `  anmält: ${m.reported ? `sammanträde ${m.reported.meetingId} § ${m.reported.paragraph} (${m.reported.reportedOn})` : 'inte ännu (KL 6:40)'}`,
  ];
  return lines.join('\n');
}

export function renderVerify(v: VerifyResult): string {
  if (v.ok) return `ok: ${v.streams} streams, ${v.events} events, every hash chain intact`;
  const b = v.firstBroken!;
  return [
    `BROKEN: ${v.brokenStreams} of ${v.streams} streams (${v.events} events read)`,
    `first broken link: stream ${b.streamId} revision ${b.revision} (position ${b.position}), ${b.reason}`,
    `  expected ${b.expected}`,
    `  found    ${b.found ?? '(none)'}`,
  ].join('\n');
}
