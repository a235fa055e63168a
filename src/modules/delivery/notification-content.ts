import type { Language } from '../population-register/index.js';
import { notificationTexts, type NotificationWording } from './notification-texts.js';

export interface NotificationInput {
  template: NotificationWording;
  language: Language;
  /** "Organisation – service", only when the sender allowed it. */
  sender: string | undefined;
  /** The sender's own wording for a new-message notification. */
  customised: { title: string; content: string } | undefined;
  /** Where the citizen signs in (PUBLIC_URL). */
  link: string;
}

export interface EmailContent {
  /** The From name: the service's name in the person's language. */
  senderName: string;
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function parts(input: NotificationInput) {
  const texts = notificationTexts[input.language];
  const custom = input.template === 'new-message' ? input.customised : undefined;
  return {
    texts,
    subject: custom?.title ?? texts.subject[input.template],
    intro: custom?.content ?? texts.intro[input.template],
    sender: input.sender === undefined ? undefined : `${texts.sender}: ${input.sender}`,
  };
}

/** Plain text and HTML with the same content; the HTML has no images, scripts or remote content. */
export function renderEmail(input: NotificationInput): EmailContent {
  const { texts, subject, intro, sender } = parts(input);
  const paragraphs = [intro, ...(sender ? [sender] : [])];
  const text =
    [...paragraphs, `${texts.action[input.template]}\n${input.link}`, texts.footer].join('\n\n') + '\n';
  const htmlParagraphs = paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
  const link = escapeHtml(input.link);
  const html = [
    '<!doctype html>',
    `<html lang="${input.language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body>',
    htmlParagraphs,
    `<p>${escapeHtml(texts.action[input.template])}<br><a href="${link}">${link}</a></p>`,
    `<p><small>${escapeHtml(texts.footer)}</small></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { senderName: texts.serviceName, subject: oneLine(subject), text, html };
}

/** Short: intro, sender when allowed, link. */
export function renderSms(input: NotificationInput): string {
  const { intro, sender } = parts(input);
  return [oneLine(intro), ...(sender ? [sender] : []), input.link].join(' ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
