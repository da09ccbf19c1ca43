import { t, type Language } from '../i18n/index.ts';
import { text, type Reply } from '../reply.ts';
import { placeExample, type Platform } from './platform-example.ts';

/** A short hello that says what to ask, in the syntax of the platform the greeting came from. */
export function greetingReply(language: Language, platform: Platform | undefined): Reply {
  const examples = {
    county: placeExample(platform, 'sheriff', 'Travis', 'TX'),
    city: placeExample(platform, 'sheriff', 'Houston', 'TX'),
    zip: placeExample(platform, 'sheriff', '77002'),
  };
  const help = platform === 'discord' ? '/help' : platform === 'slack' ? '/sheriff help' : 'help';
  return {
    status: 'ok',
    title: t(language, 'places.hello.title'),
    intro: [[text(t(language, 'places.hello.ask', examples))], [text(t(language, 'places.hello.more', { help }))]],
    sections: [],
    notes: [],
  };
}
