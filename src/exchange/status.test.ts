// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EXTENSION } from '../domain/codeSystems';
import { buildMessage } from './builders';
import { eventsOf, isOverdue, statusOf, statusTimes, transition, UNREAD_TAG } from './status';

const patient = { reference: 'Patient/p1' };
const nurse = { person: { reference: 'PractitionerRole/nurse' }, unit: { reference: 'Organization/hc' } };
const gpRef = { reference: 'PractitionerRole/gp' };
const T0 = '2026-11-26T09:00:00+01:00';
const T1 = '2026-11-26T10:00:00+01:00';
const T2 = '2026-11-26T11:00:00+01:00';

const question = () => buildMessage({ type: 'foresporsel', patient, sender: nurse, recipients: [gpRef], text: 'Spørsmål', sent: T0, due: '2026-11-26T12:00:00+01:00' });

function step(message: ReturnType<typeof question>, code: 'received' | 'read' | 'answered' | 'handled' | 'forwarded', time: string, isQuestion = true) {
  const result = transition(message, { code, time, by: gpRef }, { isQuestion });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('message status', () => {
  it('goes sent → received → read → answered → handled, keeping each time', () => {
    let m = question();
    expect(statusOf(m)).toBe('sent');
    m = step(m, 'received', T1).message;
    expect(statusOf(m)).toBe('received');
    expect(m.received).toBe(T1);
    m = step(m, 'read', T1).message;
    m = step(m, 'answered', T2).message;
    expect(statusOf(m)).toBe('answered');
    expect(m.status).toBe('in-progress');
    m = step(m, 'handled', '2026-11-26T13:00:00+01:00').message;
    expect(statusOf(m)).toBe('handled');
    expect(m.status).toBe('completed');
    expect(statusTimes(m)).toEqual({ sent: T0, received: T1, read: T1, answered: T2, handled: '2026-11-26T13:00:00+01:00' });
  });

  it('fills in skipped steps with the same time (an answer implies the message was received and read)', () => {
    const m = step(question(), 'answered', T2).message;
    expect(statusTimes(m)).toEqual({ sent: T0, received: T2, read: T2, answered: T2 });
    expect(eventsOf(m).map((e) => e.code)).toEqual(['sent', 'received', 'read', 'answered']);
  });

  it('never goes back: reading an answered message changes nothing', () => {
    const answered = step(question(), 'answered', T1).message;
    const again = step(answered, 'read', T2);
    expect(again.changed).toBe(false);
    expect(again.message).toBe(answered);
    expect(statusTimes(again.message).read).toBe(T1);
  });

  it('refuses steps after handled, and answers to messages that ask nothing', () => {
    const handled = step(question(), 'handled', T1).message;
    expect(transition(handled, { code: 'read', time: T2 }, { isQuestion: true })).toEqual({ ok: false, reason: 'handled' });
    const notice = buildMessage({ type: 'avviksmelding', patient, sender: nurse, recipients: [gpRef], text: 'x', sent: T0 });
    expect(transition(notice, { code: 'answered', time: T1 }, { isQuestion: false })).toEqual({ ok: false, reason: 'not-a-question' });
  });

  it('an unread message carries the unread tag until it is read', () => {
    const hasTag = (m: ReturnType<typeof question>) => Boolean(m.meta?.tag?.some((t) => t.system === UNREAD_TAG.system && t.code === 'unread'));
    const sent = question();
    expect(hasTag(sent)).toBe(true);
    const received = step(sent, 'received', T1).message;
    expect(hasTag(received)).toBe(true);
    expect(hasTag(step(received, 'read', T2).message)).toBe(false);
    expect(hasTag(step(sent, 'handled', T2).message)).toBe(false);
  });

  it('forwarding re-addresses the message and keeps its status', () => {
    const read = step(question(), 'read', T1).message;
    const result = transition(read, { code: 'forwarded', time: T2, by: gpRef, forwardTo: { reference: 'PractitionerRole/colleague' } }, { isQuestion: true });
    expect(result.ok && result.message.recipient).toEqual([{ reference: 'PractitionerRole/colleague' }]);
    expect(result.ok && statusOf(result.message)).toBe('read');
    expect(result.ok && eventsOf(result.message).at(-1)?.code).toBe('forwarded');
  });

  it('a question past its due time, neither answered nor handled, is overdue; before the due time or once answered it is not', () => {
    const due = Date.parse('2026-11-26T12:00:00+01:00');
    const q = question();
    expect(isOverdue(q, due - 60_000, true)).toBe(false);
    expect(isOverdue(q, due + 60_000, true)).toBe(true);
    expect(isOverdue(step(q, 'read', T1).message, due + 60_000, true)).toBe(true);
    expect(isOverdue(step(q, 'answered', T1).message, due + 60_000, true)).toBe(false);
    expect(isOverdue({ ...q, extension: q.extension?.filter((e) => e.url !== EXTENSION.messageDue) }, due + 60_000, true)).toBe(false);
  });
});
