/** Wire helpers the stand-in's read and append handlers share. */
import { Metadata, status } from '@grpc/grpc-js';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ProposedEvent } from './in-memory-log';

const MAX_U64 = (1n << 64n) - 1n;

/** the error shape grpc-js turns into a call status */
export function fail(code: status, details: string, metadata = new Metadata()) {
  return { code, details, metadata };
}

/** A request the server refuses (a real node answers these with InvalidArgument / BadRequest). */
export class BadRequest extends Error {}

/** AppendReq.ProposedMessage and BatchAppendReq.ProposedMessage carry the same fields. */
interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export function proposed(message: ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  // the server refuses an event without either key rather than guess one
  if (type === undefined) throw new BadRequest("Required metadata property 'type' is missing");
  if (contentType === undefined) throw new BadRequest("Required metadata property 'content-type' is missing");
  return {
    id: uuidString(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function uuidString(uuid: UUID | undefined): string {
  if (!uuid) return '';
  if (!uuid.hasStructured()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured()!;
  const hex = (value: string) => (BigInt(value) & MAX_U64).toString(16).padStart(16, '0');
  const [ms, ls] = [hex(structured.getMostSignificantBits()), hex(structured.getLeastSignificantBits())];
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
}

export function uuidMessage(id: string, form: 'structured' | 'string'): UUID {
  const uuid = new UUID();
  if (form === 'string') return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  const structured = new UUID.Structured();
  structured.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
  structured.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(structured);
}
