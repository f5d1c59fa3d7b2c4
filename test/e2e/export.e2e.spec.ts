import { strFromU8, unzipSync } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCasePackage, writePackageDirectory } from '../../src/audit/export';
import { loadSeed003Demo } from '../../src/demo/seed-003.demo';
import { JsonObject } from '../../src/event-store/event-store.port';
import { eventHash, verifyChain } from '../../src/platform/hash-chain';
import { asAuditor, asCaseOfficer, asRegistrar, call, expectRefusal, Headers, RunningApp, startApp } from '../support/app';

/** Long after the seed-003 decision gained legal force (20 April 2022). */
const NOW = new Date('2026-11-23T09:00:00Z');
const SCRIPT_TITLE = '<script>alert("x")</script> & <b>fet</b>';
const SCRIPT_DOCUMENT = '<img src=x onerror=alert(1)>';

interface StoredEvent {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  recordedAt: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}
interface StreamFile {
  streamId: string;
  scope: 'whole' | 'excerpt';
  head: { revision: number; hash: string | null };
  previousHashes: Record<string, string | null>;
  events: StoredEvent[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The attributes of every `<tag …>` in the order they appear (the package's XML is ours: one element per tag, attributes in double quotes). */
function elements(xml: string, tag: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))].map(([, attributes]) =>
    Object.fromEntries([...attributes.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, name, value]) => [name, value])),
  );
}

/** Every event re-verified from the package's bytes alone: a whole stream as a chain from revision 0, an excerpt link by link. */
function verifyFromPackage(file: StreamFile): boolean {
  if (file.scope === 'whole') {
    const dense = file.events.every((e, i) => e.revision === i);
    return dense && file.events[file.events.length - 1].revision === file.head.revision && verifyChain(file.events).ok;
  }
  return file.events.every((e) => eventHash(file.previousHashes[String(e.revision)] ?? null, e.type, e.data, e.metadata) === e.metadata.hash);
}

/** The DOS time and date of every local file header: the zip's entries carry no wall-clock time. */
function zipTimestamps(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const stamps: number[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    stamps.push(view.getUint32(at + 10, true));
    at += 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + view.getUint32(at + 18, true);
  }
  return stamps;
}

describe('export: a case’s complete history as an FGS/E-ARK package (seed-003 demo, over HTTP)', () => {
  let running: RunningApp;
  let caseId: string;
  let scriptCaseId: string;

  beforeAll(async () => {
    running = await startApp({ now: NOW });
    await loadSeed003Demo(running.app);
    // registered in 2022 like the demo case, so both share the diary stream: each case's diary entry is then an excerpt
    const registered = await call(running.url, 'POST', '/api/cases', { body: { registry: 'RS', title: SCRIPT_TITLE }, headers: asRegistrar });
    scriptCaseId = registered.body.caseId as string;
    const attached = await call(running.url, 'POST', `/api/cases/${scriptCaseId}/documents`, {
      body: { title: SCRIPT_DOCUMENT, kind: 'other', sha256: 'a'.repeat(64) },
      headers: asCaseOfficer,
    });
    expect(attached.status).toBe(201);
    running.clock.set(NOW);
    const found = await call(running.url, 'GET', `/api/cases/by-diary-number/${encodeURIComponent('RS 2022-00001')}`, { headers: asAuditor });
    caseId = found.body.caseId as string;
  });
  afterAll(() => running.close());

  async function exportZip(id: string, headers: Headers = asAuditor) {
    const response = await fetch(`${running.url}/api/audit/export/cases/${id}`, { headers });
    expect(response.status).toBe(200);
    return { headers: response.headers, zip: new Uint8Array(await response.arrayBuffer()) };
  }

  /** The package's files by path relative to its single root folder. */
  function unpack(zip: Uint8Array): { root: string; files: Map<string, Uint8Array> } {
    const entries = Object.entries(unzipSync(zip));
    const roots = new Set(entries.map(([path]) => path.split('/')[0]));
    expect(roots.size).toBe(1);
    const [root] = roots;
    return { root, files: new Map(entries.map(([path, content]) => [path.slice(root.length + 1), content])) };
  }

  const text = (files: Map<string, Uint8Array>, path: string) => strFromU8(files.get(path) ?? new Uint8Array());
  const streamFiles = (files: Map<string, Uint8Array>) =>
    [...files.keys()].filter((p) => p.includes('/data/events/')).map((p) => JSON.parse(text(files, p)) as StreamFile);

  it('given the seed-003 demo, when an auditor exports its case, then one zip unpacks to the FGS/CSIP folders under a root named as the download', async () => {
    const { headers, zip } = await exportZip(caseId);
    expect(headers.get('content-type')).toBe('application/zip');
    const { root, files } = unpack(zip);
    expect(headers.get('content-disposition')).toBe(`attachment; filename="${root}.zip"`);
    expect(root).toBe('fordela-region-exempel-RS-2022-00001-20261123T090000Z');
    const paths = [...files.keys()];
    expect(paths).toEqual(expect.arrayContaining(['METS.xml', 'manifest-sha256.txt', 'metadata/descriptive/dc.xml', 'metadata/preservation/premis.xml']));
    expect(paths).toEqual(expect.arrayContaining(['documentation/rapport.html', 'schemas/fordela-stream.schema.json', 'representations/rep1/data/state/case.json']));
    expect(paths.every((p) => /^(METS\.xml|manifest-sha256\.txt|metadata\/|representations\/rep1\/data\/|schemas\/|documentation\/)/.test(p))).toBe(true);

    const mets = text(files, 'METS.xml');
    const [root_] = elements(mets, 'mets:mets');
    expect(root_).toMatchObject({ OBJID: root, TYPE: 'Other', PROFILE: 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml', 'csip:CONTENTINFORMATIONTYPE': 'OTHER' });
    expect(elements(mets, 'mets:metsHdr')[0]).toMatchObject({ 'csip:OAISPACKAGETYPE': 'SIP', CREATEDATE: NOW.toISOString() });
    expect(elements(mets, 'mets:structMap')[0]).toMatchObject({ TYPE: 'PHYSICAL', LABEL: 'CSIP' });
  });

  it('given an export, then METS lists every file but itself and the manifest with its size and SHA-256, and the manifest covers METS too', async () => {
    const { files } = unpack((await exportZip(caseId)).zip);
    const mets = text(files, 'METS.xml');
    const locations = elements(mets, 'mets:FLocat');
    const listed: Array<Record<string, string>> = [
      ...elements(mets, 'mets:file').map((file, i) => ({ ...file, href: locations[i]['xlink:href'] })),
      ...elements(mets, 'mets:mdRef').map((ref) => ({ ...ref, href: ref['xlink:href'] })),
    ];
    expect(listed.map((f) => f.href).sort()).toEqual([...files.keys()].filter((p) => p !== 'METS.xml' && p !== 'manifest-sha256.txt').sort());
    for (const f of listed) {
      const content = files.get(f.href)!;
      expect([f.href, f.CHECKSUMTYPE, f.CHECKSUM, Number(f.SIZE)]).toEqual([f.href, 'SHA-256', sha256(content), content.length]);
    }
    const manifest = text(files, 'manifest-sha256.txt').trimEnd().split('\n').map((line) => line.split('  '));
    expect(manifest.map(([, path]) => path)).toEqual([...files.keys()].filter((p) => p !== 'manifest-sha256.txt').sort());
    for (const [sum, path] of manifest) expect([path, sum]).toEqual([path, sha256(files.get(path)!)]);
  });

  it('given an export, then every event re-verifies from the package alone and is exactly as stored; an altered byte does not', async () => {
    const { files } = unpack((await exportZip(caseId)).zip);
    const streams = streamFiles(files);
    const scopes = Object.fromEntries(streams.map((s) => [s.streamId.split('-')[0], s.scope]));
    // the register holds only this case's delegation so far: whole; the diary also numbered the second case: excerpt
    expect(scopes).toEqual({ case: 'whole', diary: 'excerpt', agreement: 'whole', delegations: 'whole', meeting: 'whole' });
    for (const stream of streams) {
      expect([stream.streamId, verifyFromPackage(stream)]).toEqual([stream.streamId, true]);
      const stored = await running.store.readStream(stream.streamId);
      const byRevision = new Map(stored.map((e) => [e.revision, { ...e, recordedAt: e.recordedAt.toISOString() }]));
      for (const event of stream.events) expect(event).toEqual(byRevision.get(event.revision));
    }
    const events = streams.flatMap((s) => s.events);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['CaseRegistered', 'DiaryNumberAssigned', 'ItemDecided', 'AdjustmentNoticePosted', 'AreaBudgetsSet', 'DelegationGranted', 'DelegatedDecisionRecorded']));

    // the check is not vacuous: one changed amount breaks its stream's chain, and an excerpt's event its own link
    const agreement = streams.find((s) => s.streamId.startsWith('agreement-'))!;
    agreement.events[1].data = { ...agreement.events[1].data, decidedOn: '2022-03-26' };
    expect(verifyFromPackage(agreement)).toBe(false);
    const diary = streams.find((s) => s.streamId.startsWith('diary-'))!;
    diary.events[0].data = { ...diary.events[0].data, title: 'Ändrad rubrik' };
    expect(verifyFromPackage(diary)).toBe(false);
  });

  it('given the case’s history, then the report shows the decision with § and legal force, the documents with checksums and the timeline with actor and role', async () => {
    const { files } = unpack((await exportZip(caseId)).zip);
    const html = text(files, 'documentation/rapport.html');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('RS 2022-00001');
    expect(html).toContain('<td>Regionstyrelsen</td><td>2022-03-22</td><td>§ 1</td><td>bifall</td>');
    expect(html).toContain('laga kraft från 2022-04-20');
    expect(html).toContain('3f1c1d8f5d1e6b2b7a0c9e4f8a2d6c0b1e3f5a7c9d2b4e6f8a0c2e4a6b8d0f21');
    expect(html).toMatch(/<td>2022-03-24 11:00:00<\/td><td>Protokollet justerat<br><small>ProtocolAdjusted<\/small><\/td>.*?<td>maria\.justerare<\/td><td>nämndsekreterare<\/td>/);
    expect(html).toMatch(/Delegationsbeslut fattat.*?<td>anders\.bystrom<\/td><td>regiondirektör<\/td>/s);
  });

  it('given the same store and instant, when exported twice, then the zips are byte-equal and carry no wall-clock time; a later instant is another package', async () => {
    const first = (await exportZip(caseId)).zip;
    const second = (await exportZip(caseId)).zip;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const stamps = zipTimestamps(first);
    expect(stamps.length).toBe(Object.keys(unzipSync(first)).length);
    // DOS date 1980-01-01 (0x0021) in the high half, time 00:00:00 in the low half
    expect(new Set(stamps)).toEqual(new Set([0x00210000]));

    running.clock.set(new Date(NOW.getTime() + 86_400_000));
    try {
      expect(unpack((await exportZip(caseId)).zip).root).toBe('fordela-region-exempel-RS-2022-00001-20261124T090000Z');
    } finally {
      running.clock.set(NOW);
    }
  });

  it('given a case whose title and document carry markup, when exported, then the report, METS and Dublin Core escape it', async () => {
    const { files } = unpack((await exportZip(scriptCaseId)).zip);
    const html = text(files, 'documentation/rapport.html');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>fet</b>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text(files, 'METS.xml')).toContain('LABEL="Ärende RS 2022-00002: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;"');
    expect(text(files, 'metadata/descriptive/dc.xml')).toContain('<dc:title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;</dc:title>');
    // its diary entry is revision 1 of the shared stream: an excerpt chained to the demo case's entry
    const diary = streamFiles(files).find((s) => s.streamId.startsWith('diary-'))!;
    expect(diary.scope).toBe('excerpt');
    expect(diary.previousHashes['1']).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyFromPackage(diary)).toBe(true);
  });

  it('given the plain function the CLI calls, when written as a folder, then it holds exactly the files of the zip', async () => {
    const pkg = await exportCasePackage(running.store, caseId, { now: NOW });
    const written = await writePackageDirectory(pkg, mkdtempSync(join(tmpdir(), 'fordela-export-')));
    const { root, files } = unpack((await exportZip(caseId)).zip);
    expect(written.endsWith(root)).toBe(true);
    for (const [path, content] of files) expect([path, sha256(readFileSync(join(written, path)))]).toEqual([path, sha256(content)]);
    expect(pkg.files.map((f) => f.path)).toEqual([...files.keys()].sort());
  });

  it('given an unknown case or another organisation’s, when exported, then 404 problem+json NOT-FOUND', async () => {
    await expectRefusal(running, () => call(running.url, 'GET', `/api/audit/export/cases/${randomUUID()}`, { headers: asAuditor }), 404, 'NOT-FOUND');
    const elsewhere = { ...asAuditor, 'x-organisation-id': 'region-annan' };
    await expectRefusal(running, () => call(running.url, 'GET', `/api/audit/export/cases/${caseId}`, { headers: elsewhere }), 404, 'NOT-FOUND');
  });

  it('AUDIT-ROLE: a case officer or a recipient of extracts is refused the export with 403 problem+json', async () => {
    const recipient = { ...asAuditor, 'x-user-id': 'utdrag.mottagare', 'x-user-role': 'recipient' };
    for (const headers of [asCaseOfficer, recipient]) {
      await expectRefusal(running, () => call(running.url, 'GET', `/api/audit/export/cases/${caseId}`, { headers }), 403, 'AUDIT-ROLE');
    }
    await exportZip(caseId, asRegistrar);
  });
});
