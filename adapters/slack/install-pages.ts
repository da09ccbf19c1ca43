/**
 * The pages a person sees while adding the bot to a workspace: Bolt's OAuth flow does the work
 * (state cookie, code exchange, storing the installation); these only say what happened. The
 * "Add to Slack" page shows both languages (Bolt renders it from the URL alone); the pages
 * after Slack's consent screen follow the browser's language.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiverOptions, Installation } from '@slack/bolt';
import { LANGUAGES, languageOf, t, type Language } from '../../src/i18n/index.ts';
import type { Logger } from '../../src/logger.ts';
import { SLASH_COMMAND } from './constants.ts';

type CallbackOptions = NonNullable<NonNullable<HTTPReceiverOptions['installerOptions']>['callbackOptions']>;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(language: Language | 'en es', title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${language === 'en es' ? 'en' : language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}',
    'a.button{display:inline-block;padding:.6rem 1.2rem;background:#4a154b;color:#fff;border-radius:4px;text-decoration:none}</style>',
    '</head><body>',
    ...body,
    '</body></html>',
  ].join('\n');
}

/** The language the browser asks for first among those we speak; English otherwise. */
export function browserLanguage(req: IncomingMessage): Language {
  const header = String(req.headers['accept-language'] ?? '');
  for (const part of header.split(',')) {
    const language = languageOf(part.split(';')[0]?.trim());
    if (language) return language;
  }
  return 'en';
}

/** /slack/install: what the bot does, and the "Add to Slack" button (Slack's authorize URL, with the state). */
export function installPage(url: string): string {
  const href = escapeHtml(url);
  const sections = LANGUAGES.map((language) =>
    [
      `<section lang="${language}">`,
      `<h1>${escapeHtml(t(language, 'slack.install.title'))}</h1>`,
      `<p>${escapeHtml(t(language, 'slack.install.intro'))}</p>`,
      `<p>${escapeHtml(t(language, 'slack.install.managers'))}</p>`,
      `<p><a class="button" href="${href}">${escapeHtml(t(language, 'slack.install.button'))}</a></p>`,
      '</section>',
    ].join('\n'),
  );
  return page('en es', t('en', 'slack.install.title'), sections);
}

function send(res: ServerResponse, status: number, html: string): void {
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.writeHead(status);
  res.end(html);
}

/** What to show after Slack's consent screen: installed (with where to go next), or why not. */
export function installCallbacks(installPath: string, logger: Logger): Pick<CallbackOptions, 'success' | 'failure'> {
  return {
    success(installation: Installation, _options: unknown, req: IncomingMessage, res: ServerResponse) {
      const language = browserLanguage(req);
      const team = installation.team;
      logger.info({ team: team?.id, enterprise: installation.enterprise?.id, installer: installation.user?.id }, 'Sheriff Watch installed in a Slack workspace');
      const workspace = team?.name ?? team?.id ?? installation.enterprise?.name ?? '';
      const open = team?.id && installation.appId ? `slack://app?team=${encodeURIComponent(team.id)}&id=${encodeURIComponent(installation.appId)}` : 'slack://open';
      const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
      const next = escapeHtml(t(language, 'slack.install.done.next', { command: '\u0000c', example: '\u0000e', help: '\u0000h' }))
        .replace('\u0000c', code(SLASH_COMMAND))
        .replace('\u0000e', code(`${SLASH_COMMAND} Travis, TX`))
        .replace('\u0000h', code(`${SLASH_COMMAND} help`));
      send(res, 200, page(language, t(language, 'slack.install.done.title', { workspace }), [
        `<h1>${escapeHtml(t(language, 'slack.install.done.title', { workspace }))}</h1>`,
        `<p>${next}</p>`,
        `<p><a class="button" href="${escapeHtml(open)}">${escapeHtml(t(language, 'slack.install.done.open'))}</a></p>`,
      ]));
    },
    failure(error: Error & { code?: string }, _options: unknown, req: IncomingMessage, res: ServerResponse) {
      const language = browserLanguage(req);
      logger.warn({ err: error, code: error.code }, 'a Slack installation did not finish');
      const link = `<a href="${escapeHtml(installPath)}">${escapeHtml(installPath)}</a>`;
      send(res, 400, page(language, t(language, 'slack.install.failed.title'), [
        `<h1>${escapeHtml(t(language, 'slack.install.failed.title'))}</h1>`,
        `<p>${escapeHtml(t(language, 'slack.install.failed.why', { reason: error.message }))}</p>`,
        `<p>${escapeHtml(t(language, 'slack.install.failed.again', { link: '\u0000l' })).replace('\u0000l', link)}</p>`,
      ]));
    },
  };
}
