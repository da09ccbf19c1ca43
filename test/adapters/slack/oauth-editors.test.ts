/**
 * A distributed app keeps one set of editors: the moderators listed for SLACK_EDITOR_TEAM_ID,
 * in that workspace only; the editors' channel is posted to with that workspace's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthHarness, workspace, type OAuthHarness } from './oauth-harness.ts';

const EDITORS = workspace('E', 'Coalition HQ');
const MEMBER_GROUP = workspace('M', 'Member Group');
const MOD = 'U0LISTEDMOD';

let h: OAuthHarness;
beforeAll(async () => {
  h = await startOAuthHarness({ editorTeamId: EDITORS.teamId, moderatorIds: [MOD], editorChannelId: 'C0EDITORS' });
  expect((await h.install(EDITORS)).status).toBe(200);
  expect((await h.install(MEMBER_GROUP)).status).toBe(200);
});
afterAll(async () => h.stop());

describe("Slack OAuth: the editors stay SLACK_EDITOR_TEAM_ID's", () => {
  it("GIVEN a listed moderator in the editors' workspace THEN the review queue opens; the same id in a member group's workspace is refused", async () => {
    const editor = await h.command(EDITORS, 'pending', MOD);
    expect(editor.response_type).toBe('in_channel');
    const elsewhere = await h.command(MEMBER_GROUP, 'pending', MOD);
    expect(elsewhere.response_type).toBe('ephemeral');
    expect(h.core.trust.editors.slack).toBe(EDITORS.teamId);
  });

  it("GIVEN something for the editors THEN it is posted in their channel with the editors' workspace token", async () => {
    await h.bot.editors!.tellEditors({ status: 'ok', title: 'For the editors', sections: [], notes: [] }, { key: 'editors-oauth' });
    const post = await h.slack.calls.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0EDITORS');
    expect(post.token).toBe(EDITORS.token);
  });
});
