import { caseBoardProjection } from '../cases/case-board.projection';
import { ledgerProjection } from '../agreements/ledger.projection';
import { delegationRegisterProjection } from '../delegations/delegation-register.projection';
import { decisionRegisterProjection } from '../meetings/decision-register.projection';
import { auditLogProjection } from '../audit/audit-log.projection';
import { deadlinesProjection } from '../deadlines/deadlines.projection';
import { AnyProjection, erased } from './projection';

/** Every read model, in the order a batch is applied to them. */
export const ALL_PROJECTIONS: AnyProjection[] = [
  erased(caseBoardProjection),
  erased(ledgerProjection),
  erased(delegationRegisterProjection),
  erased(decisionRegisterProjection),
  erased(auditLogProjection),
  erased(deadlinesProjection),
];
