import { describe, expect, it } from 'vitest';
import { conversation } from '../helpers/conversation.ts';
import { placesStore } from '../scheduler/helpers.ts';

const SRC = 'source:https://www.traviscountytx.gov/commissioners-court';

describe('local times where people read them', () => {
  it('GIVEN a series and a moved occurrence THEN history shows their times in the county’s zone, never UTC', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask(`meeting-add Travis, TX body:"Commissioners Court" date:2026-12-08 time:10:00 repeat:every tuesday ${SRC}`);
    await chat.ask(`meeting-change 1 on:2026-12-15 date:2026-12-16 time:2pm ${SRC}`);
    const { text } = await chat.ask('history Travis, TX');
    // 10:00 Central in December is 16:00 UTC; the reader sees 10:00 CST.
    expect(text).toContain('series from 2026-12-08 10:00 CST');
    expect(text).toContain('2026-12-16 14:00 CST');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });
});

describe('calendar counts', () => {
  it('GIVEN an election with a registration deadline THEN calendar counts the deadline apart from the elections', async () => {
    const store = placesStore();
    const chat = conversation({ store, moderator: true });
    await chat.ask('election-add Travis, TX kind:primary date:2027-03-02 registration:2027-02-01 source:https://www.votetravis.gov/');
    const { text } = await chat.ask('calendar Travis, TX');
    // One recorded primary and the computed 2028 general election; the deadline is not an election.
    expect(text).toContain('2 election dates, 1 voter-registration deadline, 0 meetings');
  });
});
