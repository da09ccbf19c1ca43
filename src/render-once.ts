import type { Language } from './i18n/index.ts';
import type { Reply } from './reply.ts';

/**
 * A platform renderer that renders a reply the core froze (its reply cache hands the same
 * object to everyone who asks the same thing until the data changes) once per language and
 * reuses that message; any other reply is rendered every time. The messages are shared, so
 * nothing downstream may change them.
 */
export function renderOncePerLanguage<M>(render: (reply: Reply, language: Language) => M): (reply: Reply, language?: Language) => M {
  const rendered = new WeakMap<Reply, Map<Language, M>>();
  return (reply, language = 'en') => {
    if (!Object.isFrozen(reply)) return render(reply, language);
    let byLanguage = rendered.get(reply);
    if (!byLanguage) rendered.set(reply, (byLanguage = new Map()));
    let message = byLanguage.get(language);
    if (!message) byLanguage.set(language, (message = render(reply, language)));
    return message;
  };
}
