import { auditor, caseOfficer, chair, committeeSecretary, given, registrar } from '../../test/support/given';
import { caseDecider, CaseCommand } from './case.decider';
import { CaseEvent, OfficialReport, OfficialReportWritten } from './cases.events';
import { CaseRules } from './cases.rules';

const now = new Date('2022-03-15T09:00:00Z');
const caseId = 'c1';
const registered: CaseEvent = {
  type: 'CaseRegistered',
  data: {
    caseId,
    organisationId: 'region-exempel',
    diaryNumber: 'RS 2022-00123',
    registry: 'RS',
    year: 2022,
    sequence: 123,
    title: 'Fördelning överenskommelse God och nära vård 2022',
    description: null,
    registeredAt: now.toISOString(),
    registeredBy: registrar.userId,
  },
};
const report: OfficialReport = {
  summary: 'Regionens andel av statsbidraget fördelas på fyra utvecklingsområden.',
  caseDescription: 'SKR har tillsammans med staten beslutat om överenskommelsen God och nära vård 2022.',
  assessment: null,
  consequences: { environment: null, children: null, genderEquality: null, economy: 'Ryms inom statsbidraget.' },
  followUp: null,
  decisionPoints: [
    { number: 1, text: 'Förslag till fördelning av God och nära vård 2022 godkänns.' },
    { number: 2, text: 'Regiondirektören får i uppdrag att besluta om aktiviteter för respektive utvecklingsområde.' },
    { number: 3, text: 'Protokollet ska delges hälso- och sjukvårdsnämnden.' },
  ],
  extractRecipients: ['Hälso- och sjukvårdsdirektör', 'Regionstabschef', 'Chef Hälso- och sjukvårdspolitiska avdelningen', 'Beställarchef', 'Chef Division Nära vård'],
  informBodies: ['Hälso- och sjukvårdsnämnden'],
};
const write = (r: OfficialReport = report): CaseCommand => ({ type: 'WriteOfficialReport', report: r });
const written = (revision: number, r: OfficialReport = report): OfficialReportWritten => ({
  type: 'OfficialReportWritten',
  data: { caseId, revision, ...r, writtenAt: now.toISOString(), writtenBy: caseOfficer.userId },
});
const officer = { actor: caseOfficer, now };
const attach = (secrecy: { legalGround: string | null } | null = null): CaseCommand => ({
  type: 'AttachDocument',
  documentId: 'd1',
  title: 'Tjänsteskrivelse God och nära vård 2022',
  kind: 'official_report',
  sha256: 'a'.repeat(64),
  secrecy,
});
const prepare = (date = '2022-03-15', body: { bodyId: string; name: string } | null = { bodyId: 'hsn', name: 'Hälso- och sjukvårdsnämnden' }): CaseCommand => ({
  type: 'RecordPreparation',
  bodyId: 'hsn',
  date,
  statement: 'Beredd i arbetsutskottet utan erinran.',
  body,
});

describe('case decider: documents', () => {
  it('attaches a document with its fingerprint, who and when', () => {
    given(caseDecider, registered)
      .when(attach(), officer)
      .then([
        {
          type: 'DocumentAttached',
          data: {
            caseId,
            documentId: 'd1',
            title: 'Tjänsteskrivelse God och nära vård 2022',
            kind: 'official_report',
            sha256: 'a'.repeat(64),
            secrecy: null,
            attachedAt: now.toISOString(),
            attachedBy: caseOfficer.userId,
          },
        },
      ]);
  });

  it('records who marked a document secret, when, and on which legal ground', () => {
    const [event] = caseDecider.decide(attach({ legalGround: ' OSL 25 kap. 1 § ' }), given(caseDecider, registered).state, officer);
    expect(event.data).toMatchObject({ secrecy: { legalGround: 'OSL 25 kap. 1 §', markedBy: caseOfficer.userId, markedAt: now.toISOString() } });
  });

  it('a retried attachment (same document id) changes nothing', () => {
    const [attached] = caseDecider.decide(attach(), given(caseDecider, registered).state, officer);
    given(caseDecider, registered, attached).when(attach(), officer).then([]);
  });

  it(`CASE-SECRECY-GROUND: a secrecy marking without a provision of law is refused`, () => {
    for (const legalGround of [null, '', '   ', 'hemligt', 'OSL']) {
      given(caseDecider, registered).when(attach({ legalGround }), officer).thenRefuses(CaseRules.CASE_SECRECY_GROUND);
    }
  });

  it(`CASE-DOCUMENT-ROLE: the chair and the auditor cannot add documents`, () => {
    given(caseDecider, registered).when(attach(), { actor: chair }).thenRefuses(CaseRules.CASE_DOCUMENT_ROLE);
    given(caseDecider, registered).when(attach(), { actor: auditor }).thenRefuses(CaseRules.CASE_DOCUMENT_ROLE);
  });

  it(`CASE-STATUS: no documents on a closed case`, () => {
    const closed: CaseEvent[] = [
      registered,
      { type: 'CaseWithdrawn', data: { caseId, reason: 'Ersatt.', withdrawnAt: now.toISOString(), withdrawnBy: registrar.userId } },
      { type: 'CaseClosed', data: { caseId, reason: 'Återkallat.', closedAt: now.toISOString(), closedBy: registrar.userId } },
    ];
    given(caseDecider, ...closed).when(attach(), officer).thenRefuses(CaseRules.CASE_STATUS);
  });

  it('NOT-FOUND: a case that does not exist, or is another organisation’s', () => {
    given(caseDecider).when(attach(), officer).thenRefuses('NOT-FOUND');
    given(caseDecider, registered)
      .when(attach(), { actor: { ...caseOfficer, organisationId: 'goteborgs-stad' } })
      .thenRefuses('NOT-FOUND');
  });
});

describe('case decider: the official report (tjänsteskrivelse)', () => {
  it('the first report is revision 1 and puts the case in preparation', () => {
    given(caseDecider, registered).when(write(), officer).then([written(1)]);
    const { state } = given(caseDecider, registered, written(1));
    expect(state.status).toBe('in_preparation');
  });

  it('a rewritten report is the next revision; the same report again changes nothing', () => {
    const revised = { ...report, assessment: 'Förslaget bedöms ligga i linje med överenskommelsen.' };
    given(caseDecider, registered, written(1)).when(write(revised), officer).then([written(2, revised)]);
    given(caseDecider, registered, written(1), written(2, revised)).when(write(revised), officer).then([]);
  });

  it(`CASE-OFFICER-ROLE: only a case officer writes the report`, () => {
    given(caseDecider, registered).when(write(), { actor: registrar }).thenRefuses(CaseRules.CASE_OFFICER_ROLE);
    given(caseDecider, registered).when(write(), { actor: committeeSecretary }).thenRefuses(CaseRules.CASE_OFFICER_ROLE);
  });

  it(`CASE-DECISION-POINTS: decision points are numbered 1..n without gaps, and there is at least one`, () => {
    const points = (...numbers: number[]) => ({ ...report, decisionPoints: numbers.map((number) => ({ number, text: `Punkt ${number}` })) });
    for (const bad of [points(), points(1, 3), points(2, 3), points(1, 1), points(2, 1), points(0, 1)]) {
      given(caseDecider, registered).when(write(bad), officer).thenRefuses(CaseRules.CASE_DECISION_POINTS);
    }
  });

  it(`CASE-STATUS: the report cannot change once the case is ready for the agenda`, () => {
    const ready: CaseEvent = { type: 'CaseMarkedReadyForAgenda', data: { caseId, markedAt: now.toISOString(), markedBy: caseOfficer.userId } };
    given(caseDecider, registered, written(1), ready)
      .when(write({ ...report, summary: 'Ny sammanfattning.' }), officer)
      .thenRefuses(CaseRules.CASE_STATUS);
  });
});

describe('case decider: preparation (beredning)', () => {
  it('records which body prepared the case, when, and what it said', () => {
    given(caseDecider, registered, written(1))
      .when(prepare(), officer)
      .then([
        {
          type: 'PreparationRecorded',
          data: {
            caseId,
            bodyId: 'hsn',
            bodyName: 'Hälso- och sjukvårdsnämnden',
            date: '2022-03-15',
            statement: 'Beredd i arbetsutskottet utan erinran.',
            recordedAt: now.toISOString(),
            recordedBy: caseOfficer.userId,
          },
        },
      ]);
  });

  it('the same preparation recorded again changes nothing', () => {
    const [prepared] = caseDecider.decide(prepare(), given(caseDecider, registered, written(1)).state, officer);
    given(caseDecider, registered, written(1), prepared).when(prepare(), { actor: committeeSecretary, now }).then([]);
  });

  it(`CASE-PREPARATION-ROLE: a registrar cannot record preparation`, () => {
    given(caseDecider, registered, written(1)).when(prepare(), { actor: registrar }).thenRefuses(CaseRules.CASE_PREPARATION_ROLE);
  });

  it(`CASE-PREPARATION-BODY: the preparing body must be one of the organisation's bodies`, () => {
    given(caseDecider, registered, written(1)).when(prepare('2022-03-15', null), officer).thenRefuses(CaseRules.CASE_PREPARATION_BODY);
  });

  it(`CASE-PREPARATION-DATE: preparation cannot be dated after today (Swedish date)`, () => {
    given(caseDecider, registered, written(1)).when(prepare('2022-03-16'), officer).thenRefuses(CaseRules.CASE_PREPARATION_DATE);
    // 23:30 UTC on 15 March is already 16 March in Stockholm
    given(caseDecider, registered, written(1))
      .when(prepare('2022-03-16'), { actor: caseOfficer, now: new Date('2022-03-15T23:30:00Z') })
      .then([expect.objectContaining({ type: 'PreparationRecorded' }) as CaseEvent]);
  });

  it(`CASE-STATUS: preparation needs the report first (the case is in preparation)`, () => {
    given(caseDecider, registered).when(prepare(), officer).thenRefuses(CaseRules.CASE_STATUS);
  });
});
