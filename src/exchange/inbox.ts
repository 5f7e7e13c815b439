import type { Communication, Reference } from 'fhir/r4';
import type { SearchParams } from '../fhir/client';
import { expectsAnswer, messageTypeOf, type MessageType } from './messageTypes';
import { dueOf, isOverdue, statusOf, statusTimes, UNREAD_TAG, type MessageStatus } from './status';

/**
 * The inbox as a pure model: which messages a user sees (to them or to their unit; sent by them
 * or their unit), in what order (unread first, then urgent, then newest), and the filters.
 * Built once per list and filtered in one pass, so 2,000 messages filter in a few ms.
 */

export interface Viewer {
  practitionerRoleId: string;
  organizationId: string;
}

export type Direction = 'in' | 'out';

export interface InboxItem {
  id: string;
  message: Communication;
  type: MessageType | undefined;
  direction: Direction;
  status: MessageStatus;
  times: Partial<Record<MessageStatus, string>>;
  unread: boolean;
  urgent: boolean;
  /** A question of ours past its due time, not answered (stands out to the sender). */
  overdue: boolean;
  due: string | undefined;
  sentMs: number;
  patient: Reference | undefined;
  patientId: string | undefined;
  sender: Reference | undefined;
  recipients: Reference[];
  /** The first line of the text, for the list. */
  summary: string;
  /** Lower-cased text searched by the filter: patient, sender, recipients, type, text. */
  haystack: string;
}

/** Messages to the user or to the user's unit. */
export function incomingSearch(viewer: Viewer): SearchParams {
  return { recipient: `PractitionerRole/${viewer.practitionerRoleId},Organization/${viewer.organizationId}`, _sort: '-sent', _count: 1000 };
}

/** The top of the inbox: unread messages, urgent first, newest first (what the first screen shows). */
export function unreadTopSearch(viewer: Viewer): SearchParams {
  return { recipient: `PractitionerRole/${viewer.practitionerRoleId},Organization/${viewer.organizationId}`, _tag: `${UNREAD_TAG.system}|${UNREAD_TAG.code}`, _sort: '-priority,-sent', _count: 30 };
}

/** Every message about a patient (the journal's view), newest first. */
export function patientMessagesSearch(patientId: string): SearchParams {
  return { patient: patientId, _sort: '-sent', _count: 200 };
}

/** Messages the user sent, or that someone at the user's unit sent for it. */
export function outgoingSearch(viewer: Viewer): SearchParams {
  return { sender: `PractitionerRole/${viewer.practitionerRoleId}`, _sort: '-sent', _count: 1000 };
}

export function refId(reference: Reference | undefined, type: string): string | undefined {
  const ref = reference?.reference;
  return ref?.startsWith(`${type}/`) ? ref.slice(type.length + 1) : undefined;
}

export function toInboxItem(message: Communication, direction: Direction, nowMs: number, typeName: (type: MessageType | undefined) => string): InboxItem {
  const type = messageTypeOf(message.category);
  const status = statusOf(message);
  const question = type !== undefined && expectsAnswer(type);
  const text = message.payload?.find((p) => p.contentString)?.contentString ?? '';
  const summary = text.split('\n', 1)[0] ?? '';
  const patient = message.subject;
  const recipients = message.recipient ?? [];
  return {
    id: message.id ?? '',
    message,
    type,
    direction,
    status,
    times: statusTimes(message),
    // Read by anyone at the unit is read: a unit's inbox is shared work.
    unread: direction === 'in' && (status === 'sent' || status === 'received'),
    urgent: message.priority === 'urgent' || message.priority === 'asap' || message.priority === 'stat',
    overdue: direction === 'out' && isOverdue(message, nowMs, question),
    due: dueOf(message),
    sentMs: message.sent ? Date.parse(message.sent) : 0,
    patient,
    patientId: refId(patient, 'Patient'),
    sender: message.sender,
    recipients,
    summary,
    haystack: [patient?.display, message.sender?.display, ...recipients.map((r) => r.display), typeName(type), text].filter(Boolean).join(' ').toLocaleLowerCase('nb'),
  };
}

/** Incoming: unread first, then urgent, then newest. Outgoing: overdue first, then newest. */
export function compareItems(a: InboxItem, b: InboxItem): number {
  if (a.direction === 'in' && b.direction === 'in') {
    if (a.unread !== b.unread) return a.unread ? -1 : 1;
    if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  } else if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return b.sentMs - a.sentMs || a.id.localeCompare(b.id);
}

export function buildInbox(messages: readonly Communication[], direction: Direction, nowMs: number, typeName: (type: MessageType | undefined) => string): InboxItem[] {
  const seen = new Set<string>();
  const items: InboxItem[] = [];
  for (const message of messages) {
    if (!message.id || seen.has(message.id) || message.status === 'entered-in-error') continue;
    seen.add(message.id);
    items.push(toInboxItem(message, direction, nowMs, typeName));
  }
  return items.sort(compareItems);
}

export interface InboxFilter {
  /** Only unread (incoming) or only overdue (outgoing). */
  onlyOpen: boolean;
  /** Show handled messages too. */
  showHandled: boolean;
  type: MessageType | '';
  text: string;
}

export const NO_FILTER: InboxFilter = { onlyOpen: false, showHandled: false, type: '', text: '' };

export function filterInbox(items: readonly InboxItem[], filter: InboxFilter): InboxItem[] {
  const words = filter.text.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  return items.filter(
    (item) =>
      (filter.showHandled || item.status !== 'handled') &&
      (!filter.onlyOpen || (item.direction === 'in' ? item.unread : item.overdue)) &&
      (!filter.type || item.type === filter.type) &&
      words.every((w) => item.haystack.includes(w)),
  );
}

export function countUnread(items: readonly InboxItem[]): number {
  let n = 0;
  for (const item of items) if (item.unread) n++;
  return n;
}
