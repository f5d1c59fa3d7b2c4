import { DomainEvent } from '../platform/decider';

/** In the registry stream: the number handed out, the case it went to, and what the registrar wrote. */
export type DiaryNumberAssigned = DomainEvent<
  'DiaryNumberAssigned',
  { caseId: string; registry: string; year: number; sequence: number; diaryNumber: string; title: string }
>;
export type RegistryEvent = DiaryNumberAssigned;

/** In the case's own stream: its first event. */
export type CaseRegistered = DomainEvent<
  'CaseRegistered',
  {
    caseId: string;
    organisationId: string;
    diaryNumber: string;
    registry: string;
    year: number;
    sequence: number;
    title: string;
    description: string | null;
    registeredAt: string;
    registeredBy: string;
  }
>;
export type CaseEvent = CaseRegistered;
