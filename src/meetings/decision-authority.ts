import { RuleViolation } from '../platform/errors';

/**
 * How other capabilities point at a decision of a body: its meeting and protocol paragraph (§).
 * A delegation, an area budget or a reallocation between areas is only as good as the decision
 * behind it, so the handler loads the meeting and passes what it found (a `BodyDecisionFact`)
 * into the command; the deciders check it with `requireBodyDecision` — the one place of that rule.
 */
export interface BodyDecisionRef {
  meetingId: string;
  paragraph: number;
}

export type ItemOutcome = 'approved' | 'approved_with_amendments' | 'rejected' | 'referred_back' | 'postponed';

export interface BodyDecisionFact extends BodyDecisionRef {
  organisationId: string;
  bodyId: string;
  /** the case decided under that paragraph */
  caseId: string | null;
  outcome: ItemOutcome;
  /** the Swedish date of the meeting */
  decidedOn: string;
  /** true once the protocol (or the paragraph, if adjusted immediately) is adjusted */
  adjusted: boolean;
  /**
   * true once a court annulled the decision on appeal (laglighetsprövning). Optional so facts
   * built before the field existed keep compiling; absent means false.
   */
  annulled?: boolean;
}

export const DecisionAuthorityRules = {
  /** Money and mandates move only on an approved, adjusted, not annulled decision of the right body. */
  DECISION_AUTHORITY: 'DECISION-AUTHORITY',
} as const;

const refuse = (sv: string, en: string, details: Record<string, unknown>) =>
  new RuleViolation(DecisionAuthorityRules.DECISION_AUTHORITY, sv, en, details);

/**
 * DECISION-AUTHORITY: the referenced paragraph exists, belongs to the expected organisation (and
 * body, when one is expected), approved the matter, its protocol is adjusted, and no court has
 * annulled it.
 */
export function requireBodyDecision(
  ref: BodyDecisionRef,
  fact: BodyDecisionFact | null,
  expected: { organisationId: string; bodyId?: string },
): BodyDecisionFact {
  const details = { meetingId: ref.meetingId, paragraph: ref.paragraph };
  if (!fact || fact.organisationId !== expected.organisationId) {
    throw refuse(`Det finns inget beslut § ${ref.paragraph} vid det sammanträdet.`, `There is no decision § ${ref.paragraph} at that meeting.`, details);
  }
  if (expected.bodyId !== undefined && fact.bodyId !== expected.bodyId) {
    throw refuse(`Beslut § ${ref.paragraph} fattades av en annan nämnd.`, `Decision § ${ref.paragraph} was taken by another body.`, { ...details, bodyId: fact.bodyId, expectedBodyId: expected.bodyId });
  }
  if (fact.outcome !== 'approved' && fact.outcome !== 'approved_with_amendments') {
    throw refuse(`Beslut § ${ref.paragraph} bifölls inte (${fact.outcome}).`, `Decision § ${ref.paragraph} was not an approval (${fact.outcome}).`, { ...details, outcome: fact.outcome });
  }
  if (!fact.adjusted) {
    throw refuse(`Protokollet för § ${ref.paragraph} är inte justerat.`, `The protocol for § ${ref.paragraph} is not adjusted yet.`, details);
  }
  if (fact.annulled === true) {
    throw refuse(
      `Beslut § ${ref.paragraph} har upphävts av domstol efter överklagande och ger inget stöd.`,
      `Decision § ${ref.paragraph} was annulled by a court on appeal and authorises nothing.`,
      { ...details, annulled: true },
    );
  }
  return fact;
}
