import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { CLOCK, ManualClock, SystemClock } from '../platform/clock';
import {
  ADJUSTER,
  AGREEMENT,
  AREA3_ACTIVITIES,
  AREAS,
  BOARD_MEMBERS,
  CASE,
  CHAIR,
  DELEGATION_AMOUNT_LIMIT_ORE,
  DELEGATION_SCOPE_KINDS,
  HEALTH_COMMITTEE,
  MKR,
  OFFICIAL_REPORT,
  ORGANISATION,
  REGIONAL_BOARD,
} from './seed-003.data';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers read by path
type Send = (method: 'POST' | 'PUT', path: string, body: object, userId: string, role: string) => Promise<Json>;

/**
 * Every demo request carries this correlation id, which the pipeline writes into the metadata of
 * every event it causes: the loader recognises its own store by it (the command id cannot serve:
 * how it is derived from the Idempotency-Key is the platform's business).
 */
export const DEMO_CORRELATION_ID = 'demo-seed-003';
/** The demo's last step; its stored answer (`CommandCompleted`, the step's very last write) means the demo is complete. */
const LAST_STEP_COMMAND_TYPE = 'Reallocate';

export type DemoStore = 'empty' | 'incomplete' | 'complete' | 'not_the_demo';

/**
 * What the store holds, as far as the demo is concerned. The demo runs before the service takes
 * requests, so its events come first: the scan stops at the last step's stored answer or at the
 * first event the demo did not write.
 */
export async function demoStoreState(store: EventStore): Promise<DemoStore> {
  let first = true;
  for await (const event of store.readAll()) {
    const byDemo = event.metadata.correlationId === DEMO_CORRELATION_ID;
    if (first && !byDemo) return 'not_the_demo';
    first = false;
    if (!byDemo) return 'incomplete';
    if (event.type === 'CommandCompleted' && (event.data as { commandType?: unknown }).commandType === LAST_STEP_COMMAND_TYPE) return 'complete';
  }
  return first ? 'empty' : 'incomplete';
}

export interface DemoOptions {
  /** for tests: fail after this many steps, as a crash mid-load would */
  interruptAfterSteps?: number;
}

/**
 * Tells the seed-003 story through the real HTTP API (in-process `inject`: routing, validation,
 * command handlers, rules — no raw events), at the seed's dates, so a newcomer's first
 * `npm start` shows a live case: decided, adjusted, with legal force, a delegation, delegated
 * activities in area 3 and a reallocation inside it, still unreported to the board.
 * Runs on an empty store, and again on a store the demo began but did not finish (a crash
 * mid-load): every step carries its Idempotency-Key, so what exists is replayed and the rest
 * is done. Amounts are illustrative.
 */
export async function loadSeed003Demo(
  app: NestFastifyApplication,
  options: DemoOptions = {},
): Promise<{ loaded: boolean; resumed?: boolean; diaryNumber?: string }> {
  const found = await demoStoreState(app.get<EventStore>(EVENT_STORE));
  if (found === 'complete' || found === 'not_the_demo') return { loaded: false };
  const clock = app.get<SystemClock | ManualClock>(CLOCK);
  const at = (iso: string) => clock.set(new Date(iso));
  let step = 0;
  const send: Send = async (method, path, body, userId, role) => {
    if (step === options.interruptAfterSteps) throw new Error(`demo interrupted after ${step} steps`);
    step += 1;
    const response = await app.inject({
      method,
      url: path,
      payload: body,
      headers: {
        'x-user-id': userId,
        'x-user-role': role,
        'x-organisation-id': ORGANISATION.organisationId,
        'x-correlation-id': DEMO_CORRELATION_ID,
        // a re-run after a crash mid-load finds each step's first answer
        'idempotency-key': `demo-seed-003-step-${step}`,
      },
    });
    if (response.statusCode >= 300) throw new Error(`demo step ${step} ${method} ${path}: ${response.statusCode} ${response.body}`);
    return response.json<Json>();
  };
  const secretary = (method: 'POST' | 'PUT', path: string, body: object = {}) => send(method, path, body, 'sara.sekreterare', 'committee_secretary');
  const officer = (method: 'POST' | 'PUT', path: string, body: object = {}) => send(method, path, body, 'per.handlaggare', 'case_officer');
  const director = (path: string, body: object) => send('POST', path, body, 'anders.bystrom', 'regional_director');

  try {
    at('2022-03-01T08:00:00Z');
    await send('POST', '/api/organisations', ORGANISATION, 'anna.registrator', 'registrar');
    await secretary('POST', '/api/bodies', REGIONAL_BOARD);
    await secretary('POST', '/api/bodies', HEALTH_COMMITTEE);
    for (const { userId, name, seat } of BOARD_MEMBERS) await secretary('PUT', `/api/bodies/${REGIONAL_BOARD.bodyId}/members/${userId}`, { name, seat });
    await secretary('PUT', `/api/bodies/${REGIONAL_BOARD.bodyId}/chair`, { userId: CHAIR });

    const registered = await send('POST', '/api/cases', CASE, 'anna.registrator', 'registrar');
    const caseId = registered.caseId as string;
    await officer('POST', `/api/cases/${caseId}/documents`, {
      title: 'Tjänsteskrivelse Fördelning överenskommelse God och nära vård 2022',
      kind: 'official_report',
      sha256: '3f1c1d8f5d1e6b2b7a0c9e4f8a2d6c0b1e3f5a7c9d2b4e6f8a0c2e4a6b8d0f21',
    });
    await officer('PUT', `/api/cases/${caseId}/report`, OFFICIAL_REPORT);
    at('2022-03-08T09:00:00Z');
    await officer('POST', `/api/cases/${caseId}/preparations`, {
      bodyId: HEALTH_COMMITTEE.bodyId,
      date: '2022-03-08',
      statement: 'Beredd i hälso- och sjukvårdsnämndens arbetsutskott utan erinran.',
    });
    await officer('POST', `/api/cases/${caseId}/ready`);
    const agreementId = (await officer('POST', '/api/agreements', { caseId, ...AGREEMENT })).agreementId as string;

    at('2022-03-22T08:00:00Z');
    const meeting = { bodyId: REGIONAL_BOARD.bodyId, startsAt: '2022-03-22T08:00:00Z', place: 'Regionens hus, sal A', adjusterUserIds: [ADJUSTER] };
    const meetingId = (await secretary('POST', '/api/meetings', meeting)).meetingId as string;
    const items = (await secretary('POST', `/api/meetings/${meetingId}/items`, { caseId })).items as Json[];
    const itemId = items.find((i) => i.caseId === caseId)!.itemId as string;
    const present = ['eva.ordforande', 'olof.ledamot', 'karin.ledamot', 'maria.justerare'].map((userId) => ({ userId }));
    await secretary('PUT', `/api/meetings/${meetingId}/attendance`, { present: [...present, { userId: 'lars.ersattare', servingFor: 'nils.ledamot' }] });
    await secretary('POST', `/api/meetings/${meetingId}/items/${itemId}/conflicts`, {
      userId: 'karin.ledamot',
      reason: 'Närstående är verksamhetschef inom Division Nära vård.',
    });
    const decided = await secretary('POST', `/api/meetings/${meetingId}/items/${itemId}/decision`, { outcome: 'approved' });
    const paragraph = (decided.items as Json[]).find((i) => i.itemId === itemId)!.paragraph as number;
    await secretary('POST', `/api/meetings/${meetingId}/close`);

    at('2022-03-24T10:00:00Z');
    await send('POST', `/api/meetings/${meetingId}/adjustment-signatures`, {}, CHAIR, 'chair');
    await send('POST', `/api/meetings/${meetingId}/adjustment-signatures`, {}, ADJUSTER, 'committee_secretary');
    at('2022-03-25T07:00:00Z');
    await secretary('POST', `/api/meetings/${meetingId}/notice`, { postedOn: '2022-03-25' });

    const decision = { meetingId, paragraph };
    await secretary('PUT', `/api/agreements/${agreementId}/area-budgets`, {
      decision,
      budgets: AREAS.map((a, i) => ({
        areaId: a.areaId,
        amountOre: a.budgetOre,
        responsibleUserId: `ansvarig.omrade${i + 1}`,
        responsibleName: `Ansvarig tjänsteperson område ${i + 1}`,
      })),
    });
    const delegationId = (
      await secretary('POST', '/api/delegations', {
        bodyId: REGIONAL_BOARD.bodyId,
        decision,
        delegates: [{ role: 'regional_director' }],
        scope: { agreementId, areaIds: AREAS.map((a) => a.areaId), kinds: DELEGATION_SCOPE_KINDS },
        amountLimitOre: DELEGATION_AMOUNT_LIMIT_ORE,
        validFrom: '2022-03-24',
        validUntil: '2022-12-31',
      })
    ).delegationId as string;

    at('2022-04-25T09:00:00Z');
    const activityIds: string[] = [];
    for (const activity of AREA3_ACTIVITIES) {
      const allocated = await director(`/api/agreements/${agreementId}/activities`, { areaId: 'vision-ehalsa', ...activity, authority: { delegationId } });
      activityIds.push(allocated.activityId as string);
    }
    // a week later, so the ledger as it stood between the allocations and the reallocation can be asked for
    at('2022-05-02T09:00:00Z');
    await director(`/api/agreements/${agreementId}/reallocations`, {
      kind: 'within_area',
      areaId: 'vision-ehalsa',
      fromActivityId: activityIds[0],
      toActivityId: activityIds[1],
      amountOre: MKR,
      authority: { delegationId },
    });
    return { loaded: true, resumed: found === 'incomplete', diaryNumber: registered.diaryNumber as string };
  } finally {
    if (clock instanceof SystemClock) clock.release();
  }
}

/** Loads the demo on an empty store (or finishes one a crash interrupted) unless DEMO_DATA=false; says what it did, once. */
export async function loadDemoIfEmpty(app: NestFastifyApplication, enabled: boolean): Promise<void> {
  if (!enabled) return;
  const result = await loadSeed003Demo(app);
  if (result.loaded) {
    Logger.log(
      `${result.resumed ? 'Interrupted demo: finished' : 'Empty store: loaded'} the seed-003 demo case ${result.diaryNumber} ` +
        '(God och nära vård 2022, illustrative amounts, dated as in 2022). DEMO_DATA=false turns this off.',
      'Demo',
    );
  }
}
