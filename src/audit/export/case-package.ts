import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { organisationStreamId } from '../../organisations/organisation.decider';
import { collectCaseHistory, IncludedStream } from './case-history';
import { checkStream, ChainResult } from './chain-check';
import { currentState } from './current-state';
import { DescribedFile, metsXml } from './mets';
import { dublinCoreXml, premisXml } from './premis';
import { reportHtml } from './report-html';
import { STREAM_FILE_SCHEMA } from './stream-schema';
import { jsonFile, mimeTypeOf, sha256, utf8 } from './text';

/** A package as files relative to its root folder (named `name`), sorted by path. */
export interface ExportPackage {
  name: string;
  files: { path: string; content: Uint8Array }[];
}

export interface ExportOptions {
  /** the export's instant: METS and PREMIS dates, and the day legal force is computed for */
  now: Date;
  /** when given, a case of another organisation is NOT-FOUND (the HTTP endpoint passes the actor's) */
  organisationId?: string;
}

const REPRESENTATION = 'rep1';
const DATA = `representations/${REPRESENTATION}/data`;
export const PATHS = {
  mets: 'METS.xml',
  manifest: 'manifest-sha256.txt',
  descriptive: 'metadata/descriptive/dc.xml',
  preservation: 'metadata/preservation/premis.xml',
  report: 'documentation/rapport.html',
  schema: 'schemas/fordela-stream.schema.json',
  index: `${DATA}/index.json`,
  documents: `${DATA}/documents.json`,
  stream: (streamId: string) => `${DATA}/events/${safe(streamId)}.json`,
  state: (what: string) => `${DATA}/state/${what}.json`,
};

/** Letters without diacritics, digits and `-`: file names every archive system and zip tool takes. */
function safe(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
}

/** e.g. `fordela-region-exempel-RS-2022-00001-20261123T090000Z`: the organisation, the diary number and the instant. */
function packageName(organisationId: string, diaryNumber: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
  return `fordela-${safe(organisationId)}-${safe(diaryNumber)}-${stamp}`;
}

const describe = (file: { path: string; content: Uint8Array }): DescribedFile => ({
  ...file,
  sha256: sha256(file.content),
  size: file.content.length,
  mimeType: mimeTypeOf(file.path),
});

const byPath = <F extends { path: string }>(a: F, b: F) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The events exactly as stored, after what an archivist needs to re-verify them. */
function streamFile(stream: IncludedStream, chain: ChainResult) {
  return {
    streamId: stream.streamId,
    scope: stream.scope,
    reason: stream.reason,
    head: stream.head,
    verifiedAtExport: { ok: chain.ok, broken: chain.broken },
    previousHashes: stream.previousHashes,
    events: stream.events.map(({ id, streamId, revision, position, recordedAt, type, data, metadata }) => ({
      id,
      streamId,
      revision,
      position,
      recordedAt: recordedAt.toISOString(),
      type,
      data,
      metadata,
    })),
  };
}

async function organisationOf(store: EventStore, organisationId: string): Promise<{ id: string; name: string }> {
  const [first] = await store.readStream(organisationStreamId(organisationId), { maxCount: 1 });
  const name = first?.type === 'OrganisationRegistered' && typeof first.data.name === 'string' ? first.data.name : organisationId;
  return { id: organisationId, name };
}

/**
 * A case's complete history as a package shaped after FGS Paketstruktur 2.0 (E-ARK CSIP + SIP 2.1):
 * METS.xml, Dublin Core and PREMIS under metadata/, the events and the current state as JSON in
 * representations/rep1/data, the report under documentation/, the JSON Schema of the event files
 * under schemas/, and manifest-sha256.txt over every file including METS.xml. Deterministic: the
 * same store and `now` give the same bytes. See docs/export.md.
 */
export async function exportCasePackage(store: EventStore, caseId: string, options: ExportOptions): Promise<ExportPackage> {
  const history = await collectCaseHistory(store, caseId, options.organisationId);
  const organisation = await organisationOf(store, history.organisationId);
  const state = currentState(history, options.now);
  const createdAt = options.now.toISOString();
  const name = packageName(history.organisationId, state.case.diaryNumber, options.now);
  const chains = history.streams.map((stream) => ({ ...checkStream(stream), path: PATHS.stream(stream.streamId) }));

  const data = [
    ...history.streams.map((stream, i) => ({ path: chains[i].path, content: jsonFile(streamFile(stream, chains[i])) })),
    { path: PATHS.state('case'), content: jsonFile(state.case) },
    { path: PATHS.state('meetings'), content: jsonFile(state.meetings) },
    ...(state.agreement ? [{ path: PATHS.state('agreement'), content: jsonFile(state.agreement) }] : []),
    { path: PATHS.state('delegations'), content: jsonFile({ delegations: state.delegations, urgentDecisions: state.urgentDecisions }) },
    {
      path: PATHS.documents,
      content: jsonFile({
        caseId,
        note: 'Fördela registrerar handlingens SHA-256 och uppgifter, inte filen: innehållet ingår inte i paketet.',
        documents: state.case.documents,
      }),
    },
    {
      path: PATHS.index,
      content: jsonFile({
        package: name,
        createdAt,
        caseId,
        diaryNumber: state.case.diaryNumber,
        organisationId: history.organisationId,
        agreementId: history.agreementId,
        legalForceAsOf: state.today,
        streams: chains.map(({ streamId, scope, count, firstRevision, lastRevision, ok, path }, i) => ({
          streamId,
          scope,
          reason: history.streams[i].reason,
          file: path,
          count,
          firstRevision,
          lastRevision,
          head: history.streams[i].head,
          verifiedAtExport: ok,
        })),
      }),
    },
  ]
    .map(describe)
    .sort(byPath);

  const events: RecordedEvent[] = history.streams.flatMap((s) => s.events).sort((a, b) => a.position - b.position);
  const report = describe({ path: PATHS.report, content: utf8(reportHtml({ packageName: name, createdAt, organisation, state, events, chains })) });
  const schema = describe({ path: PATHS.schema, content: jsonFile(STREAM_FILE_SCHEMA) });
  const descriptive = describe({
    path: PATHS.descriptive,
    content: utf8(
      dublinCoreXml({
        title: state.case.title,
        diaryNumber: state.case.diaryNumber,
        caseId,
        organisation: organisation.name,
        registeredOn: state.case.registeredAt.slice(0, 10),
        description: state.case.description,
        relations: state.agreement ? [`Överenskommelse: ${state.agreement.name} (${state.agreement.stateReference})`] : [],
      }),
    ),
  });
  const representation = { id: REPRESENTATION, files: data };
  const preservation = describe({ path: PATHS.preservation, content: utf8(premisXml({ createdAt, organisation, representation, chains })) });
  const label = `Ärende ${state.case.diaryNumber}: ${state.case.title}`;
  const mets = describe({
    path: PATHS.mets,
    content: utf8(metsXml({ name, label, createdAt, organisation, descriptive, preservation, documentation: [report], schemas: [schema], representation })),
  });

  // METS lists every file but itself and this manifest; the manifest covers METS.xml too (sha256sum -c)
  const files = [mets, descriptive, preservation, report, schema, ...data].sort(byPath);
  const manifest = utf8(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  return { name, files: [...files, { path: PATHS.manifest, content: manifest }].sort(byPath).map(({ path, content }) => ({ path, content })) };
}
