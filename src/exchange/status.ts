import type { Communication, Extension, Reference } from 'fhir/r4';
import { CODE_SYSTEM, EXTENSION } from '../domain/codeSystems';

/**
 * A message's life as its sender sees it: sent, received (by the recipient's system or a
 * partner's receipt), read (opened by a person), answered, handled. Each step is an event in
 * the Communication (extension EXTENSION.messageEvent: code, time, by), oldest first, so the
 * sender sees every time. Forwarding is an event too, and does not change the status.
 * Pure functions: no React, no clock (the caller passes the time).
 */
export const MESSAGE_STATUSES = ['sent', 'received', 'read', 'answered', 'handled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type MessageEventCode = MessageStatus | 'forwarded';

export interface MessageEvent {
  code: MessageEventCode;
  time: string;
  by?: Reference;
}

/**
 * An unread message carries this tag (meta.tag) until someone at the recipient reads it, so
 * that an inbox can ask the server for its unread messages first (`_tag=…|unread`).
 */
export const UNREAD_TAG = { system: CODE_SYSTEM.messageEvent, code: 'unread' } as const;

export function withUnreadTag<T extends Communication>(message: T, unread: boolean): T {
  const others = (message.meta?.tag ?? []).filter((t) => !(t.system === UNREAD_TAG.system && t.code === UNREAD_TAG.code));
  const tag = unread ? [...others, { ...UNREAD_TAG }] : others;
  const meta = { ...message.meta };
  if (tag.length > 0) meta.tag = tag;
  else delete meta.tag;
  const next = { ...message };
  if (Object.keys(meta).length > 0) next.meta = meta;
  else delete next.meta;
  return next;
}

const RANK: Record<MessageStatus, number> = { sent: 0, received: 1, read: 2, answered: 3, handled: 4 };

function isEventCode(code: string | undefined): code is MessageEventCode {
  return code === 'forwarded' || (MESSAGE_STATUSES as readonly string[]).includes(code ?? '');
}

export function eventExtension(event: MessageEvent): Extension {
  const extension: Extension[] = [
    { url: 'code', valueCoding: { system: CODE_SYSTEM.messageEvent, code: event.code } },
    { url: 'time', valueDateTime: event.time },
  ];
  if (event.by) extension.push({ url: 'by', valueReference: event.by });
  return { url: EXTENSION.messageEvent, extension };
}

/** The events recorded on a message, oldest first. */
export function eventsOf(message: Communication): MessageEvent[] {
  const out: MessageEvent[] = [];
  for (const ext of message.extension ?? []) {
    if (ext.url !== EXTENSION.messageEvent) continue;
    const code = ext.extension?.find((e) => e.url === 'code')?.valueCoding?.code;
    const time = ext.extension?.find((e) => e.url === 'time')?.valueDateTime;
    if (!isEventCode(code) || !time) continue;
    const by = ext.extension?.find((e) => e.url === 'by')?.valueReference;
    out.push(by ? { code, time, by } : { code, time });
  }
  return out;
}

/** The furthest status a message has reached (events can arrive out of order from partners). */
export function statusOf(message: Communication): MessageStatus {
  let status: MessageStatus = 'sent';
  for (const event of eventsOf(message)) if (event.code !== 'forwarded' && RANK[event.code] > RANK[status]) status = event.code;
  return status;
}

/** The first time each status was reached. */
export function statusTimes(message: Communication): Partial<Record<MessageStatus, string>> {
  const times: Partial<Record<MessageStatus, string>> = {};
  for (const event of eventsOf(message)) if (event.code !== 'forwarded') times[event.code] ??= event.time;
  // A message without a 'sent' event (from an older system) was sent when Communication.sent says.
  if (!times.sent && message.sent) times.sent = message.sent;
  return times;
}

export type TransitionResult = { ok: true; message: Communication; changed: boolean } | { ok: false; reason: 'handled' | 'not-a-question' };

/**
 * Records an event on a message. Steps only go forward: reading a message that was already
 * answered records nothing (changed: false); a handled message takes no further steps; only a
 * question can be answered. A step may skip those before it (an answer implies it was read) and
 * they are filled in with the same time, so the sender's timeline has no holes. Handling closes
 * the Communication (status completed); forwarding re-addresses it and keeps the status.
 */
export function transition(message: Communication, event: MessageEvent & { forwardTo?: Reference }, options: { isQuestion: boolean }): TransitionResult {
  const current = statusOf(message);
  if (current === 'handled') return { ok: false, reason: 'handled' };
  if (event.code === 'answered' && !options.isQuestion) return { ok: false, reason: 'not-a-question' };
  const extension = [...(message.extension ?? [])];
  let changed = false;
  const next: Communication = { ...message };
  if (event.code === 'forwarded') {
    extension.push(eventExtension({ code: 'forwarded', time: event.time, ...(event.by ? { by: event.by } : {}) }));
    if (event.forwardTo) next.recipient = [event.forwardTo];
    changed = true;
  } else if (RANK[event.code] > RANK[current]) {
    const times = statusTimes(message);
    for (const status of MESSAGE_STATUSES) {
      if (RANK[status] > RANK[event.code]) break;
      if (times[status] || status === 'sent') continue;
      const step: MessageEvent = { code: status, time: event.time };
      if (event.by) step.by = event.by;
      extension.push(eventExtension(step));
    }
    changed = true;
    if (event.code === 'received' || !message.received) next.received = message.received ?? event.time;
    if (event.code === 'handled') next.status = 'completed';
  }
  next.extension = extension;
  if (!changed) return { ok: true, message, changed };
  return { ok: true, message: withUnreadTag(next, statusOf(next) === 'sent' || statusOf(next) === 'received'), changed };
}

/**
 * Is a question overdue, as the sender sees it: it expects an answer, has a due time that has
 * passed, and is neither answered nor handled.
 */
export function isOverdue(message: Communication, nowMs: number, isQuestion: boolean): boolean {
  if (!isQuestion) return false;
  const due = dueOf(message);
  if (!due) return false;
  const status = statusOf(message);
  return status !== 'answered' && status !== 'handled' && Date.parse(due) < nowMs;
}

export function dueOf(message: Communication): string | undefined {
  return message.extension?.find((e) => e.url === EXTENSION.messageDue)?.valueDateTime;
}
