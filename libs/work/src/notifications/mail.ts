import { RenderedMail } from './templates';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const FOOTER = 'International Association for STEM Leaders, STEM Certification Division';

/** The same content as plain text and as simple, accessible HTML (no images, no tracking). */
export const toMail = (m: RenderedMail) => ({
  subject: m.subject,
  // The reference on every message: it is what people quote when they call or write.
  text: [...m.lines, '', `${m.link.label}: ${m.link.href}`, `Reference: ${m.reference}`, '', `-- ${FOOTER}`].join('\n'),
  html: [
    '<!doctype html><html lang="en"><body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">',
    ...m.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(m.link.href)}" style="color: #0b5394">${escapeHtml(m.link.label)}</a></p>`,
    `<p>Reference: ${escapeHtml(m.reference)}</p>`,
    `<hr><p style="font-size: 12px; color: #555">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n'),
});
