export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Stable id for this notification (docs/ARCHITECTURE.md, Worker rules: `<eventId>-<template>-<recipient hash>`);
   * becomes the Message-ID.
   */
  idempotencyKey?: string;
  /** The data subjects (pseudonymous ids) the message is about, so an erasure can find the copies kept of it. */
  subjects?: string[];
};

/** What an erasure asks a mailer to forget: messages about these subjects, or addressed to these emails. */
export type MailPurge = { subjects: readonly string[]; emails: readonly string[] };

/** The mail port. An abstract class so it is also the DI token (no Symbol tokens: docs/ARCHITECTURE.md, Follow / avoid). */
export abstract class Mailer {
  abstract send(msg: MailMessage): Promise<{ messageId: string }>;

  /**
   * docs/DOMAIN.md, Erasure: deletes the copies this transport keeps of matching messages; returns how many. Mail
   * already delivered cannot be recalled, so a transport that keeps nothing (SMTP) deletes nothing.
   */
  async purge(_match: MailPurge): Promise<number> {
    return 0;
  }
}

/**
 * A Message-ID derived from the idempotency key, so a retried send carries the same id and
 * receiving systems (and our own outbox) can recognise the duplicate.
 */
export function messageIdFor(idempotencyKey: string | undefined, from: string): string | undefined {
  if (!idempotencyKey) return undefined;
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`;
}

/** The nodemailer message both transports send: one sender, and the idempotency key as the Message-ID. */
export const envelopeFor = (msg: MailMessage, from: string) => ({
  from,
  to: msg.to,
  subject: msg.subject,
  text: msg.text,
  html: msg.html,
  messageId: messageIdFor(msg.idempotencyKey, from),
});
