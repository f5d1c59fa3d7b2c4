/**
 * JSON Schema of the package's event files (schemas/fordela-stream.schema.json): the one structured
 * format of our own in the package, so it travels with it (CSIPSTR15). The XML schemas the package
 * uses (METS, PREMIS, Dublin Core) are public and referenced by URL, not copied in.
 */
const hash = { type: 'string', pattern: '^[0-9a-f]{64}$' };

export const STREAM_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'fordela-stream.schema.json',
  title: 'Fördela: en händelseström i ett exportpaket (one event stream of an export package)',
  description:
    'metadata.hash = sha-256 (hex) över RFC 8785-kanonisk JSON av {previousHash, type, data, metadata utan hash}; ' +
    'previousHash är föregående händelses hash i samma ström, null för revision 0.',
  type: 'object',
  required: ['streamId', 'scope', 'reason', 'head', 'verifiedAtExport', 'previousHashes', 'events'],
  properties: {
    streamId: { type: 'string' },
    scope: {
      enum: ['whole', 'excerpt'],
      description: 'whole: every event from revision 0, verifiable as a chain; excerpt: only the events about the case, each with previousHashes',
    },
    reason: { type: 'string', description: 'varför strömmen hör till ärendets historik' },
    head: {
      type: 'object',
      description: "the stream's last revision and hash when exported",
      required: ['revision', 'hash'],
      properties: { revision: { type: 'integer', minimum: 0 }, hash: { anyOf: [hash, { type: 'null' }] } },
    },
    verifiedAtExport: {
      type: 'object',
      required: ['ok', 'broken'],
      properties: {
        ok: { type: 'boolean' },
        broken: {
          anyOf: [
            { type: 'null' },
            { type: 'object', required: ['revision', 'expected'], properties: { revision: { type: 'integer' }, expected: { type: 'string' }, found: { type: 'string' } } },
          ],
        },
      },
    },
    previousHashes: {
      type: 'object',
      description: 'excerpt only: by revision, the hash of the event before it in the stream',
      additionalProperties: { anyOf: [hash, { type: 'null' }] },
    },
    events: { type: 'array', items: { $ref: '#/$defs/event' } },
  },
  $defs: {
    event: {
      type: 'object',
      description: 'exactly as stored',
      required: ['id', 'streamId', 'revision', 'position', 'recordedAt', 'type', 'data', 'metadata'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        streamId: { type: 'string' },
        revision: { type: 'integer', minimum: 0 },
        position: { type: 'integer', description: "the store's global order" },
        recordedAt: { type: 'string', format: 'date-time' },
        type: { type: 'string' },
        data: { type: 'object' },
        metadata: {
          type: 'object',
          required: ['hash'],
          properties: {
            hash,
            occurredAt: { type: 'string', format: 'date-time', description: 'business time' },
            actor: {
              type: 'object',
              properties: { userId: { type: 'string' }, role: { type: 'string' }, organisationId: { type: 'string' } },
            },
            commandId: { type: 'string' },
            commandType: { type: 'string' },
            correlationId: { type: 'string' },
            causationId: { type: 'string' },
            schemaVersion: { type: 'integer' },
          },
        },
      },
    },
  },
} as const;
