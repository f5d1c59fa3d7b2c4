import { v5 } from 'uuid';

/** Fördela's own uuid v5 namespace. */
const NAMESPACE = '6f0c1f0e-5f3a-4d6e-9a51-4b2f0d7a9c11';

/**
 * The same inputs always give the same uuid. Event ids and new aggregate ids are derived from the
 * command id, so a command retried after a crash writes the same ids and the store recognises it.
 */
export function deterministicId(...parts: string[]): string {
  return v5(parts.join('\u001f'), NAMESPACE);
}
