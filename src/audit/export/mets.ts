import { escapeXml as x } from './text';

/** A file of the package with what METS and PREMIS say about it. */
export interface DescribedFile {
  path: string;
  content: Uint8Array;
  sha256: string;
  size: number;
  mimeType: string;
}

export interface MetsInput {
  /** the package id: METS @OBJID, the root folder's name (CSIPSTR2) */
  name: string;
  label: string;
  createdAt: string;
  organisation: { id: string; name: string };
  descriptive: DescribedFile;
  preservation: DescribedFile;
  documentation: DescribedFile[];
  schemas: DescribedFile[];
  representation: { id: string; files: DescribedFile[] };
}

export const SOFTWARE = { name: 'Fördela', version: 'exportformat 1' };
export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';
export const CONTENT_INFORMATION = 'Fördela ärendeexport: händelser med hashkedja, aktuellt läge, handlingsförteckning';

const NAMESPACES = [
  'xmlns:mets="http://www.loc.gov/METS/"',
  'xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd ' +
    'http://www.w3.org/1999/xlink http://www.loc.gov/standards/mets/xlink.xsd ' +
    'https://DILCIS.eu/XML/METS/CSIPExtensionMETS https://earkcsip.dilcis.eu/schema/DILCISExtensionMETS.xsd"',
];

/** An xml:id from a package path (paths are ASCII letters, digits, `.`, `-`, `_` and `/`). */
export const xmlId = (prefix: string, path: string): string => `${prefix}-${path.replace(/[^A-Za-z0-9._-]/g, '-')}`;

/** CSIP29/30, CSIP43/44, CSIP69/71/72: size and SHA-256 of every referenced file. */
const fileFacts = (f: DescribedFile, createdAt: string) =>
  `MIMETYPE="${x(f.mimeType)}" SIZE="${f.size}" CREATED="${createdAt}" CHECKSUM="${f.sha256}" CHECKSUMTYPE="SHA-256"`;

const mdRef = (f: DescribedFile, mdType: string, createdAt: string, version = '') =>
  `<mets:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="${x(f.path)}" MDTYPE="${mdType}"${version ? ` MDTYPEVERSION="${version}"` : ''} ${fileFacts(f, createdAt)}/>`;

function fileGrp(id: string, use: string, files: DescribedFile[], createdAt: string, extra = ''): string[] {
  return [
    `    <mets:fileGrp ID="${id}" USE="${x(use)}"${extra}>`,
    ...files.flatMap((f) => [
      `      <mets:file ID="${xmlId('file', f.path)}" ${fileFacts(f, createdAt)}>`,
      `        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${x(f.path)}"/>`,
      '      </mets:file>',
    ]),
    '    </mets:fileGrp>',
  ];
}

/**
 * The package METS after E-ARK CSIP 2.1 / SIP 2.1 (together FGS Paketstruktur 2.0): the mandatory
 * root attributes (CSIP1, 2, 4, 6 and SIP2's profile), the header with the software agent
 * (CSIP10–16) and the archival creator and submitter (SIP9–20), descriptive metadata (Dublin Core)
 * and PREMIS referenced with size and checksum, one file section whose groups are Documentation,
 * Schemas and the representation's data, and the CSIP structural map. Only the package level has a
 * METS file: the representation's files are listed here (CSIPSTR12's representation METS is not written).
 */
export function metsXml(input: MetsInput): string {
  const { name, label, createdAt, organisation: org, representation: rep } = input;
  const repGroup = `filegrp-${rep.id}`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mets:mets ${NAMESPACES.join(' ')}`,
    `  OBJID="${x(name)}" LABEL="${x(label)}" TYPE="Other" csip:OTHERTYPE="Ärendeakt (case file)"`,
    `  csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="${x(CONTENT_INFORMATION)}" PROFILE="${SIP_PROFILE}">`,
    `  <mets:metsHdr CREATEDATE="${createdAt}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">`,
    '    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">',
    `      <mets:name>${x(SOFTWARE.name)}</mets:name>`,
    `      <mets:note csip:NOTETYPE="SOFTWARE VERSION">${x(SOFTWARE.version)}</mets:note>`,
    '    </mets:agent>',
    ...['ARCHIVIST', 'CREATOR'].flatMap((role) => [
      `    <mets:agent ROLE="${role}" TYPE="ORGANIZATION">`,
      `      <mets:name>${x(org.name)}</mets:name>`,
      `      <mets:note csip:NOTETYPE="IDENTIFICATIONCODE">${x(org.id)}</mets:note>`,
      '    </mets:agent>',
    ]),
    '  </mets:metsHdr>',
    `  <mets:dmdSec ID="dmd-dc" CREATED="${createdAt}" STATUS="CURRENT">`,
    `    ${mdRef(input.descriptive, 'DC', createdAt)}`,
    '  </mets:dmdSec>',
    '  <mets:amdSec>',
    `    <mets:digiprovMD ID="digiprov-premis" CREATED="${createdAt}" STATUS="CURRENT">`,
    `      ${mdRef(input.preservation, 'PREMIS', createdAt, '3.0')}`,
    '    </mets:digiprovMD>',
    '  </mets:amdSec>',
    '  <mets:fileSec ID="filesec">',
    ...fileGrp('filegrp-documentation', 'Documentation', input.documentation, createdAt),
    ...fileGrp('filegrp-schemas', 'Schemas', input.schemas, createdAt),
    ...fileGrp(
      repGroup,
      `Representations/${rep.id}/data`,
      rep.files,
      createdAt,
      ` csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="${x(CONTENT_INFORMATION)}"`,
    ),
    '  </mets:fileSec>',
    '  <mets:structMap ID="structmap-csip" TYPE="PHYSICAL" LABEL="CSIP">',
    `    <mets:div ID="div-package" LABEL="${x(name)}">`,
    '      <mets:div ID="div-metadata" LABEL="Metadata" ADMID="digiprov-premis" DMDID="dmd-dc"/>',
    '      <mets:div ID="div-documentation" LABEL="Documentation"><mets:fptr FILEID="filegrp-documentation"/></mets:div>',
    '      <mets:div ID="div-schemas" LABEL="Schemas"><mets:fptr FILEID="filegrp-schemas"/></mets:div>',
    `      <mets:div ID="div-${rep.id}" LABEL="Representations/${rep.id}"><mets:fptr FILEID="${repGroup}"/></mets:div>`,
    '    </mets:div>',
    '  </mets:structMap>',
    '</mets:mets>',
    '',
  ];
  return lines.join('\n');
}
