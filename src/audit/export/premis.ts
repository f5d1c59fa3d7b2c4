import { ChainResult } from './chain-check';
import { DescribedFile, SOFTWARE } from './mets';
import { escapeXml as x, puidOf } from './text';

/**
 * Preservation metadata (PREMIS 3.0, CSIP's choice): the representation and each of its files with
 * size, SHA-256 fixity and format (PRONOM id); the package's creation; one fixity check per
 * included stream — the hash chain re-verified at export — with its outcome; and the agents.
 */
export interface PremisInput {
  createdAt: string;
  organisation: { id: string; name: string };
  representation: { id: string; files: DescribedFile[] };
  chains: Array<ChainResult & { path: string }>;
}

const id = (kind: 'object' | 'event' | 'agent', value: string) =>
  `<premis:${kind}Identifier><premis:${kind}IdentifierType>local</premis:${kind}IdentifierType><premis:${kind}IdentifierValue>${x(value)}</premis:${kind}IdentifierValue></premis:${kind}Identifier>`;

const linkAgent = (agent: string, role: string) =>
  `<premis:linkingAgentIdentifier><premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType><premis:linkingAgentIdentifierValue>${x(agent)}</premis:linkingAgentIdentifierValue><premis:linkingAgentRole>${role}</premis:linkingAgentRole></premis:linkingAgentIdentifier>`;

const linkObject = (object: string, role: string) =>
  `<premis:linkingObjectIdentifier><premis:linkingObjectIdentifierType>local</premis:linkingObjectIdentifierType><premis:linkingObjectIdentifierValue>${x(object)}</premis:linkingObjectIdentifierValue><premis:linkingObjectRole>${role}</premis:linkingObjectRole></premis:linkingObjectIdentifier>`;

function fileObject(f: DescribedFile): string[] {
  const format = puidOf(f.path);
  return [
    '  <premis:object xsi:type="premis:file">',
    `    ${id('object', f.path)}`,
    '    <premis:objectCharacteristics>',
    '      <premis:compositionLevel>0</premis:compositionLevel>',
    `      <premis:fixity><premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm><premis:messageDigest>${f.sha256}</premis:messageDigest></premis:fixity>`,
    `      <premis:size>${f.size}</premis:size>`,
    '      <premis:format>',
    `        <premis:formatDesignation><premis:formatName>${x(format.name)}</premis:formatName></premis:formatDesignation>`,
    `        <premis:formatRegistry><premis:formatRegistryName>PRONOM</premis:formatRegistryName><premis:formatRegistryKey>${format.puid}</premis:formatRegistryKey></premis:formatRegistry>`,
    '      </premis:format>',
    '    </premis:objectCharacteristics>',
    '  </premis:object>',
  ];
}

function chainEvent(chain: PremisInput['chains'][number], createdAt: string): string[] {
  const span = `${chain.count} händelser, revision ${chain.firstRevision}–${chain.lastRevision}`;
  const how = chain.scope === 'whole' ? 'hela strömmen som kedja' : 'utdrag, varje händelse mot föregående händelses hash';
  const detail = chain.ok
    ? 'Varje händelses hash stämmer.'
    : `Första brutna länk: revision ${chain.broken?.revision}, väntad ${chain.broken?.expected}, funnen ${chain.broken?.found ?? 'ingen'}.`;
  return [
    '  <premis:event>',
    `    ${id('event', `fixity-${chain.streamId}`)}`,
    '    <premis:eventType>fixity check</premis:eventType>',
    `    <premis:eventDateTime>${createdAt}</premis:eventDateTime>`,
    `    <premis:eventDetailInformation><premis:eventDetail>${x(`Hashkedjan (sha-256, RFC 8785) för ${chain.streamId} omräknad vid export: ${how}; ${span}.`)}</premis:eventDetail></premis:eventDetailInformation>`,
    `    <premis:eventOutcomeInformation><premis:eventOutcome>${chain.ok ? 'success' : 'failure'}</premis:eventOutcome><premis:eventOutcomeDetail><premis:eventOutcomeDetailNote>${x(detail)}</premis:eventOutcomeDetailNote></premis:eventOutcomeDetail></premis:eventOutcomeInformation>`,
    `    ${linkAgent('fordela', 'executing program')}`,
    `    ${linkObject(chain.path, 'source')}`,
    '  </premis:event>',
  ];
}

export function premisXml(input: PremisInput): string {
  const { createdAt, organisation: org, representation: rep } = input;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<premis:premis xmlns:premis="http://www.loc.gov/premis/v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.loc.gov/premis/v3 https://www.loc.gov/standards/premis/premis.xsd" version="3.0">',
    '  <premis:object xsi:type="premis:representation">',
    `    ${id('object', rep.id)}`,
    '  </premis:object>',
    ...rep.files.flatMap(fileObject),
    '  <premis:event>',
    `    ${id('event', 'creation')}`,
    '    <premis:eventType>creation</premis:eventType>',
    `    <premis:eventDateTime>${createdAt}</premis:eventDateTime>`,
    `    <premis:eventDetailInformation><premis:eventDetail>Paketet skapat ur händelselagret av ${x(SOFTWARE.name)} (${x(SOFTWARE.version)}).</premis:eventDetail></premis:eventDetailInformation>`,
    '    <premis:eventOutcomeInformation><premis:eventOutcome>success</premis:eventOutcome></premis:eventOutcomeInformation>',
    `    ${linkAgent('fordela', 'executing program')}`,
    `    ${linkAgent(org.id, 'authorizer')}`,
    `    ${linkObject(rep.id, 'outcome')}`,
    '  </premis:event>',
    ...input.chains.flatMap((chain) => chainEvent(chain, createdAt)),
    '  <premis:agent>',
    `    ${id('agent', 'fordela')}`,
    `    <premis:agentName>${x(SOFTWARE.name)}</premis:agentName>`,
    '    <premis:agentType>software</premis:agentType>',
    `    <premis:agentVersion>${x(SOFTWARE.version)}</premis:agentVersion>`,
    '  </premis:agent>',
    '  <premis:agent>',
    `    ${id('agent', org.id)}`,
    `    <premis:agentName>${x(org.name)}</premis:agentName>`,
    '    <premis:agentType>organization</premis:agentType>',
    '  </premis:agent>',
    '</premis:premis>',
    '',
  ].join('\n');
}

/** Simple Dublin Core: what a catalogue needs to find the case; not EAD, not CITS ERMS (docs/export.md). */
export function dublinCoreXml(d: {
  title: string;
  diaryNumber: string;
  caseId: string;
  organisation: string;
  registeredOn: string;
  description: string | null;
  relations: string[];
}): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">',
    `  <dc:title>${x(d.title)}</dc:title>`,
    `  <dc:identifier>${x(d.diaryNumber)}</dc:identifier>`,
    `  <dc:identifier>urn:uuid:${x(d.caseId)}</dc:identifier>`,
    `  <dc:creator>${x(d.organisation)}</dc:creator>`,
    `  <dc:date>${x(d.registeredOn)}</dc:date>`,
    ...(d.description ? [`  <dc:description>${x(d.description)}</dc:description>`] : []),
    '  <dc:type>Ärende (case)</dc:type>',
    ...d.relations.map((r) => `  <dc:relation>${x(r)}</dc:relation>`),
    '  <dc:language>sv</dc:language>',
    '</oai_dc:dc>',
    '',
  ].join('\n');
}
