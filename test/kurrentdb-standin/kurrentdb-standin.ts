/**
 * A protocol-level stand-in for a single insecure KurrentDB node, for tests only.
 *
 * It serves the v1 gRPC services that ship inside @kurrent/kurrentdb-client, so both of the
 * client's transports talk to it for real: grpc-js (appends, subscriptions) and the native Rust
 * read bridge (@kurrent/bridge: stream and $all reads). It answers only what the KurrentDB adapter
 * uses; anything else is UNIMPLEMENTED, so a new call shows up as a loud failure, not a silent fake.
 */
import { randomUUID } from 'node:crypto';
import {
  Server,
  ServerCredentials,
  ServerDuplexStream,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  sendUnaryData,
} from '@grpc/grpc-js';
import { ServerFeaturesService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb';
import { StreamsService } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { Empty } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { InMemoryLog } from './in-memory-log';
import { append } from './append';
import { batchAppend } from './batch-append';
import { read } from './reads';

export interface KurrentDbStandInOptions {
  /**
   * List Streams.BatchAppend among the supported methods, as every server since 21.10 does, so the
   * client appends over it (default). Without it the client falls back to Streams.Append.
   */
  batchAppend?: boolean;
}

export type StandInMethod = 'GetSupportedMethods' | 'Read' | 'Append' | 'BatchAppend';

export interface StandInStats {
  /** calls received per method; the client keeps one BatchAppend call open per connection */
  calls: Record<StandInMethod, number>;
  /** BatchAppendReq messages over all calls: an append split into chunks counts each chunk */
  batchAppendRequests: number;
}

export interface KurrentDbStandIn {
  /** connection string for KurrentDBClient.connectionString */
  url: string;
  /** a snapshot, so a test can tell which append path the client really took */
  stats(): StandInStats;
  stop(): Promise<void>;
}

/**
 * The version we claim. Reads and appends have looked like this since 21.10; claiming a current
 * version keeps the client from taking compatibility paths a real server would not trigger.
 */
const SERVER_VERSION = '25.0.0';
const STREAMS = 'event_store.client.streams.streams';
/**
 * Spelled as a node lists them (ServerFeatures.cs: lower-cased names, the same features), but only
 * what the stand-in serves: a listed method is one the client may choose to call.
 */
const READ: SupportedEntry = [STREAMS, 'read', ['position', 'events']];
const APPEND: SupportedEntry = [STREAMS, 'append', []];
const BATCH_APPEND: SupportedEntry = [STREAMS, 'batchappend', ['deadline_duration']];
type SupportedEntry = [service: string, method: string, features: string[]];
/**
 * Events a node writes by itself, so the adapter has to prove it filters them. The last one is
 * like a projection's result: a `$` stream with an ordinary event type, which the server's
 * event-type filter lets through.
 */
const SYSTEM_EVENTS: Array<[stream: string, type: string]> = [
  ['$settings', '$settings'],
  ['$users', '$User'],
  ['$scavenges', '$scavengeStarted'],
  ['$projections-totals-result', 'Result'],
];

export async function startKurrentDbStandIn(options: KurrentDbStandInOptions = {}): Promise<KurrentDbStandIn> {
  const listed = options.batchAppend === false ? [READ, APPEND] : [READ, APPEND, BATCH_APPEND];
  const log = new InMemoryLog();
  for (const [stream, type] of SYSTEM_EVENTS) {
    log.append(stream, { kind: 'any' }, [
      { id: randomUUID(), type, contentType: 'application/json', data: Buffer.from('{}'), metadata: new Uint8Array() },
    ]);
  }
  const calls: Record<StandInMethod, number> = { GetSupportedMethods: 0, Read: 0, Append: 0, BatchAppend: 0 };
  let batchAppendRequests = 0;
  const server = new Server();
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) => {
      calls.GetSupportedMethods++;
      callback(null, supportedMethods(listed));
    },
  });
  // BatchAppend is served even when not listed, as a node would: only the listing steers the client
  server.addService(StreamsService, {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => {
      calls.Read++;
      read(log, call);
    },
    append: (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
      calls.Append++;
      append(log, call, callback);
    },
    batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
      calls.BatchAppend++;
      call.on('data', () => batchAppendRequests++);
      batchAppend(log, call);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  return {
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    stats: () => ({ calls: { ...calls }, batchAppendRequests }),
    async stop() {
      // open subscriptions and BatchAppend calls never end by themselves; a node going away cuts them too
      server.forceShutdown();
    },
  };
}

function supportedMethods(listed: SupportedEntry[]): SupportedMethods {
  const answer = new SupportedMethods();
  answer.setEventStoreServerVersion(SERVER_VERSION);
  for (const [service, method, features] of listed) {
    answer.addMethods(new SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList(features));
  }
  return answer;
}
