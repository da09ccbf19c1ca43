import { describe, expect, it } from 'vitest';
import { renderText } from '../../adapters/console/render.ts';
import { slashFileHint } from '../../adapters/slack/file-options.ts';
import { preflight } from '../../src/framework/preflight.ts';
import { homeView } from '../../adapters/slack/home-tab.ts';
import { createRegistry } from '../../src/commands/index.ts';
import { invocationText } from '../../src/framework/invocation-text.ts';
import { conversation } from '../helpers/conversation.ts';

const registry = createRegistry();
const spanish = (moderator = false) => conversation({ locale: 'es-419', moderator });

describe('lookup commands in Spanish', () => {
  it('GIVEN a Spanish-speaking caller THEN the sheriff card is Spanish; names, sources and dates stay as recorded', async () => {
    const { reply, text } = await spanish().ask('sheriff Autauga, AL');
    expect(reply.title).toBe('Sheriff de Autauga County, Alabama');
    expect(text).toContain('FIPS 01001 · condado');
    expect(text).toContain('Modelo de Control en la Cárcel (Jail Enforcement) — firmado el 2025-09-22');
    expect(text).toContain('Retiene a personas con solicitudes de detención de ICE sin orden judicial: desconocido — aún no registrado.');
    expect(text).toContain('según ');
    expect(text).toContain('-- Otras políticas');
    expect(text).not.toContain('Other policies');
  });

  it('GIVEN positions, elections and election THEN each answers in Spanish', async () => {
    const chat = spanish();
    expect((await chat.ask('positions 287g TX')).text).toContain('== Acuerdos 287(g) en Texas ==');
    expect((await chat.ask('positions detainers Oregon')).text).toContain('Pregúntele a su sheriff: ');
    const elections = (await chat.ask('elections GA')).text;
    expect(elections).toContain('== Elecciones de sheriff en Georgia ==');
    expect(elections).toContain('los 159 condados');
    expect(elections).toContain('confianza: ');
    expect((await chat.ask('election Travis, TX')).text).toContain('Próxima elección ordinaria de sheriff: 2028-11-07');
    expect((await chat.ask('about')).reply.title).toBe('Acerca de Sheriff Watch');
  });

  it('GIVEN mistakes THEN parse, place and permission errors are Spanish', async () => {
    const chat = spanish();
    expect((await chat.ask('Fairfax, VA')).reply.title).toBe('"Fairfax, VA" puede ser 2 lugares');
    expect((await chat.ask('positons 287g TX')).reply.title).toBe('Comando desconocido: "positons"');
    expect((await chat.ask('sheriff Travis, Narnia')).reply.title).toBe('"Narnia" no es un estado de EE. UU.');
    expect((await chat.ask('sheriff TX')).reply.title).toBe('¿Qué condado de Texas?');
    expect((await chat.ask('elections')).reply.title).toBe('`elections` necesita: state');
    expect((await chat.ask('pending')).reply.title).toBe('Solo para moderadores');
    expect((await chat.ask('position-set Travis, TX detainers no https://example.org')).reply.title).toBe('Propuesto: el cambio n.º 1 espera a un editor');
  });

  it('GIVEN help in Spanish THEN commands and options are described in Spanish, names stay as typed', async () => {
    const all = await spanish(true).ask('help');
    expect(all.text).toContain('-- Comandos');
    expect(all.text).toContain('`sheriff <county>[, <state>]` — Quién es el sheriff, cómo contactarlo y qué postura tiene ante ICE');
    expect(all.text).toContain('(moderadores)');
    const one = await spanish().ask('help positions');
    expect(one.reply.title).toBe('ayuda: positions');
    expect(one.text).toContain('topic — Qué listar');
    expect(one.text).toContain('(opcional)');
  });
});

describe('adapters in Spanish', () => {
  it('GIVEN a paged reply rendered for the console in Spanish THEN the page line is Spanish', async () => {
    const { reply } = await spanish().ask('positions 287g TX');
    const shown = renderText(reply, { commandLine: (inv) => invocationText(registry, inv), language: 'es' });
    expect(shown).toMatch(/Página 1 de \d+ — siguiente: positions 287g TX page 2/);
  });

  it('GIVEN the Slack App Home and the file-option refusal in Spanish THEN both are Spanish', () => {
    const home = JSON.stringify(homeView(registry, [], { isEditor: false, isCommunityManager: false }, 'es'));
    expect(home).toContain('Suscripciones en este espacio de trabajo');
    expect(home).toContain('Todavía no hay suscripciones.');
    const refused = slashFileHint(preflight(registry, { line: 'import-roster' }, { isEditor: true, isCommunityManager: true }), 'es');
    expect(refused?.title).toBe('`import-roster` necesita un archivo, y Slack no permite enviarlo con un comando de barra');
  });
});
