import { useCallback, useContext, useEffect, useMemo } from 'react';
import type { Communication, Reference, Task } from 'fhir/r4';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFhirClient } from '../fhir/context';
import { RuntimeConfigContext } from '../app/configContext';
import { FhirError } from '../fhir/errors';
import { useAllPages, useFhirSearch } from '../fhir/hooks';
import { fhirKeys } from '../fhir/queryKeys';
import type { Persona } from '../session/personnel';
import { useClockValue } from '../ui/clock';
import { buildAnswer, type MedicationChange, type Sender } from './builders';
import { reconcile, type Decision } from './reconcile';
import { entries } from '../fhir/client';
import { buildInbox, incomingSearch, outgoingSearch, unreadTopSearch, type Direction, type InboxItem } from './inbox';
import { expectsAnswer, messageTypeOf, type MessageType } from './messageTypes';
import { statusOf, transition, type MessageEventCode } from './status';

/** How often the inbox looks for new messages and receipts, unless config.json says (`exchange.pollSeconds`). */
const DEFAULT_POLL_SECONDS = 15;

export function senderOf(persona: Persona): Sender {
  return {
    person: { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name },
    unit: { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
  };
}

/** The type's name in the user's language. */
export function useTypeName(): (type: MessageType | undefined) => string {
  const { t } = useTranslation();
  return useCallback((type: MessageType | undefined) => t(`exchange.type.${type ?? 'unknown'}`), [t]);
}

/**
 * The user's inbox (messages to them and their unit) or sent messages, as sorted items. Every
 * page is fetched (the list is virtualised); overdue is recomputed once a minute.
 */
export function useInbox(persona: Persona | null, direction: Direction) {
  const typeName = useTypeName();
  const params = persona ? (direction === 'in' ? incomingSearch(persona) : outgoingSearch(persona)) : undefined;
  // The first screen: the top of the inbox (unread, urgent first, newest) in one small request,
  // shown while every page of the whole inbox loads behind it.
  const top = useFhirSearch('Communication', persona && direction === 'in' ? unreadTopSearch(persona) : undefined);
  // The whole inbox is asked for once the top is in, so the first screen does not wait behind it.
  const ready = direction === 'out' || Boolean(top.data || top.error);
  const query = useAllPages('Communication', ready ? params : undefined);
  // New messages and partners' receipts arrive without the user asking: the inbox looks every 15 s
  // (config.json's `exchange.pollSeconds`: what a server can bear, and how soon users expect news).
  // (Invalidated, not refetched: the whole list's first page is its own cache entry, which must be asked again too.)
  const queryClient = useQueryClient();
  const pollMs = (useContext(RuntimeConfigContext)?.config.exchange?.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
  useEffect(() => {
    if (!ready || !persona) return;
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: fhirKeys.type('Communication') }), pollMs);
    return () => clearInterval(timer);
  }, [queryClient, ready, persona, pollMs]);
  const minute = useClockValue((now) => Math.floor(now / 60_000));
  const messages = query.data ?? (direction === 'in' ? top.data?.resources : undefined);
  const items = useMemo<InboxItem[]>(() => (messages ? buildInbox(messages, direction, minute * 60_000, typeName) : []), [messages, direction, minute, typeName]);
  return {
    query,
    items,
    /** Only the top of the inbox is loaded so far; `unreadTotal` is the server's count of unread messages. */
    partial: !query.data && Boolean(messages),
    unreadTotal: top.data?.total,
    isPending: !messages && !query.error,
    /** Messages are there to show (also when a later look for new ones failed). */
    loaded: Boolean(messages),
  };
}

/** Answers to a message and partners' receipts for it. */
export function useMessageThread(messageId: string | undefined) {
  const answers = useFhirSearch('Communication', messageId ? { 'in-response-to': `Communication/${messageId}`, _sort: 'sent' } : undefined);
  const receipts = useFhirSearch('Task', messageId ? { focus: `Communication/${messageId}`, _sort: 'authored-on' } : undefined);
  return { answers: answers.data?.resources ?? [], receipts: (receipts.data?.resources ?? []) as Task[] };
}

/**
 * Records a step (read, handled, forwarded) on a message: PUT with If-Match, so a step taken on
 * a version someone else changed fails as a conflict (the caller refetches and says so).
 */
export function useMessageStep() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<Communication | null, FhirError, { message: Communication; code: MessageEventCode; by: Reference; forwardTo?: Reference }>({
    mutationFn: async ({ message: seen, code, by, forwardTo }) => {
      // Steps only go forward, so they are taken on the newest version (another user's 'read' in between is no conflict).
      const message = seen.id ? await client.read('Communication', seen.id) : seen;
      const type = messageTypeOf(message.category);
      const result = transition(message, { code, time: new Date().toISOString(), by, ...(forwardTo ? { forwardTo } : {}) }, { isQuestion: type !== undefined && expectsAnswer(type) });
      if (!result.ok || !result.changed) return null;
      return client.update(result.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Communication') }),
  });
}

/** Sends an answer and marks the question answered, in one transaction. */
export function useAnswer() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<unknown, FhirError, { question: Communication; persona: Persona; text: string }>({
    mutationFn: async ({ question: seen, persona, text }) => {
      // Answered on the newest version; if someone answered or closed it meanwhile, the user is told (a conflict), not overruled.
      const question = seen.id ? await client.read('Communication', seen.id) : seen;
      const status = statusOf(question);
      if (status === 'answered' || status === 'handled') throw new FhirError('conflict', 412, `The question was ${status} by someone else meanwhile.`);
      return client.transaction(buildAnswer(question, { sender: senderOf(persona), text, sent: new Date().toISOString() }).bundle);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Communication') }),
  });
}

/**
 * Reconciles an epikrise's medication changes (accept / reject each) against the current list,
 * read fresh (as is the message), in one transaction; a stale statement fails it as a conflict.
 */
export function useReconcile() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<{ accepted: number; rejected: number } | { missing: number[] }, FhirError, { message: Communication; changes: MedicationChange[]; decisions: (Decision | undefined)[]; patientId: string; prescriber: Reference }>({
    mutationFn: async ({ message: seen, changes, decisions, patientId, prescriber }) => {
      const message = seen.id ? await client.read('Communication', seen.id) : seen;
      const current = entries(await client.search('MedicationStatement', { patient: patientId, status: 'active', _count: 200 }), 'MedicationStatement');
      const result = reconcile({ message, changes, decisions, current, patientId, prescriber, now: new Date().toISOString() });
      if (!result.ok) return { missing: result.missing };
      await client.transaction(result.bundle);
      return { accepted: result.accepted, rejected: result.rejected };
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: fhirKeys.type('Communication') });
      void queryClient.invalidateQueries({ queryKey: fhirKeys.type('MedicationStatement') });
    },
  });
}
