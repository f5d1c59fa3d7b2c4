import { asAuditor, call, RunningApp } from './app';
import { Json } from './workflow';

/** Area 3 of seed 003 (Vision e-hälsa), where the demo's delegated decisions are. */
export const AREA3 = 'vision-ehalsa';

/** The ids of the seed-003 demo (`loadSeed003Demo`) the auditor's tools are tried on. */
export interface Demo {
  caseId: string;
  agreementId: string;
  delegationId: string;
  meetingId: string;
  paragraph: number;
  /** the three delegated decisions in the order taken: two allocations, the reallocation */
  decisionIds: string[];
  activityIds: string[];
}

/** The demo's ids, read through the live endpoints. */
export async function demoIds(running: RunningApp): Promise<Demo> {
  const get = async (path: string) => (await call(running.url, 'GET', path, { headers: asAuditor })).body as Json;
  const theCase = await get(`/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`);
  const register = await get('/api/bodies/regionstyrelsen/delegated-decisions?status=all');
  const agreementId = register.items[0].agreementId as string;
  const ledger = await get(`/api/agreements/${agreementId}`);
  return {
    caseId: theCase.caseId,
    agreementId,
    delegationId: register.items[0].delegationId,
    meetingId: theCase.decisions[0].meetingId,
    paragraph: theCase.decisions[0].paragraph,
    decisionIds: register.items.map((d: Json) => d.delegatedDecisionId),
    activityIds: ledger.areas.find((a: Json) => a.areaId === AREA3).activities.map((a: Json) => a.activityId),
  };
}
