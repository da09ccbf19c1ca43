/**
 * The Slack half of the load: the same mix as on Discord — `/sheriff <county>, <state>`,
 * `/sheriff positions 287g <state>` or `/sheriff elections <state>`, and presses of the buttons
 * of earlier answers — as signed POSTs carrying each workspace's own team id, from a random
 * user of a random workspace; the answer is what reaches the response_url.
 */
import { performance } from 'node:perf_hooks';
import { ACTION_PREFIX } from '../../adapters/slack/actions.ts';
import type { Jurisdiction } from '../../src/domain/types.ts';
import { buttonClick, formBody, postSigned, slashCommand, type FakeSlack, type ResponseMessage } from '../../test/helpers/fake-slack/index.ts';
import { INTERNAL_ERROR, PAGED_STATES, within, type Kind, type Outcome } from './paced.ts';
import { seededRandom, type SlackWorkspace } from './seed.ts';


interface Button {
  actionId: string;
  value: string;
  workspace: SlackWorkspace;
}

interface Block {
  elements?: { type?: string; action_id?: string; value?: string }[];
}

export function slackLoad(slack: FakeSlack, eventsUrl: string, secret: string, workspaces: readonly SlackWorkspace[], places: readonly Jurisdiction[]): (i: number) => Promise<Outcome> {
  const random = seededRandom(11);
  const buttons: Button[] = [];

  async function answer(kind: Kind, workspace: SlackWorkspace, url: string, body: string): Promise<Outcome> {
    const start = performance.now();
    const arrived = slack.responses.waitFor((r) => r.url === url, 20_000);
    // within() reports a late answer; this wait must not outlive it as an unhandled rejection.
    arrived.catch(() => undefined);
    const res = await postSigned(eventsUrl, secret, body);
    await res.arrayBuffer();
    if (res.status !== 200) return { kind, error: `HTTP ${res.status} from the bot` };
    const response: ResponseMessage = await arrived;
    const ms = performance.now() - start;
    const text = JSON.stringify(response.body);
    if (text.includes(INTERNAL_ERROR)) return { kind, ms, error: response.body.text ?? INTERNAL_ERROR };
    if (response.body.response_type === 'ephemeral') return { kind, ms, refused: (response.body.text ?? text).slice(0, 120) };
    for (const block of (response.body.blocks ?? []) as Block[]) {
      for (const element of block.elements ?? []) {
        if (element.type === 'button' && element.action_id?.startsWith(ACTION_PREFIX) && element.value) buttons.push({ actionId: element.action_id, value: element.value, workspace });
      }
    }
    if (buttons.length > 500) buttons.splice(0, buttons.length - 500);
    return { kind, ms };
  }

  return (i) => {
    const roll = i % 4;
    const url = slack.responseUrl();
    const user = `U${String(random(50_000)).padStart(7, '0')}`;
    if (roll === 3 && buttons.length) {
      const button = buttons[random(buttons.length)]!;
      const { teamId } = button.workspace;
      const payload = buttonClick({ action_id: button.actionId, value: button.value, response_url: url, user_id: user, channel_id: button.workspace.channelIds[0]! });
      const inTeam = { ...payload, team: { id: teamId, domain: teamId.toLowerCase() }, user: { ...(payload.user as object), team_id: teamId } };
      return within('button', answer('button', button.workspace, url, formBody({ payload: JSON.stringify(inTeam) })));
    }
    const workspace = workspaces[random(workspaces.length)]!;
    const fields = { response_url: url, team_id: workspace.teamId, team_domain: workspace.teamId.toLowerCase(), user_id: user, user_name: user.toLowerCase(), channel_id: workspace.channelIds[random(5)]! };
    if (roll >= 2) {
      const state = PAGED_STATES[random(PAGED_STATES.length)]!;
      const text = random(3) === 0 ? `elections ${state}` : `positions 287g ${state}`;
      return within('page', answer('page', workspace, url, formBody(slashCommand({ text, ...fields }))));
    }
    const place = places[random(places.length)]!;
    return within('lookup', answer('lookup', workspace, url, formBody(slashCommand({ text: `${place.name}, ${place.state}`, ...fields }))));
  };
}
