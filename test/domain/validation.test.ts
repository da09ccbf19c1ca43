import { describe, expect, it } from 'vitest';
import { topicById } from '../../src/domain/topics.ts';
import {
  checkEmail,
  checkEnum,
  checkHolderField,
  checkIsoDate,
  checkPhone,
  checkText,
  checkTopicValue,
  checkUrl,
  checkVersion,
  type Checked,
} from '../../src/domain/validation.ts';

const value = <T>(result: Checked<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result.value;
};
const message = <T>(result: Checked<T>): string => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.message;
};

describe('checkUrl: sources and websites', () => {
  it('GIVEN https or http addresses THEN accepted as typed (chat <…> wrappers removed)', () => {
    expect(value(checkUrl('https://www.kut.org/news/2025-03-01/memo?x=1#p'))).toBe('https://www.kut.org/news/2025-03-01/memo?x=1#p');
    expect(value(checkUrl('http://example.gov/a'))).toBe('http://example.gov/a');
    expect(value(checkUrl('<https://www.ice.gov/287g>'))).toBe('https://www.ice.gov/287g');
  });

  it('GIVEN other schemes or no scheme THEN refused, saying https:// or http://', () => {
    for (const bad of ['ftp://x.org/a', 'javascript:alert(1)', 'www.kut.org/news', 'file:///etc/passwd', 'mailto:a@b.org']) {
      expect(message(checkUrl(bad))).toMatch(/must be a web address starting with https:\/\/ or http:\/\//);
    }
  });

  it('GIVEN an empty value, a host without a dot, or an address over 500 characters THEN refused with the reason', () => {
    expect(message(checkUrl(''))).toMatch(/missing/);
    expect(message(checkUrl('https://localhost/x'))).toMatch(/no valid host name/);
    expect(message(checkUrl(`https://a.org/${'x'.repeat(500)}`))).toMatch(/at most 500/);
  });
});

describe('checkIsoDate', () => {
  it('GIVEN YYYY-MM-DD of a real day THEN accepted', () => {
    expect(value(checkIsoDate('2024-02-29', 'date'))).toBe('2024-02-29');
  });

  it('GIVEN other forms, impossible days, far years or a future day THEN refused with what is allowed', () => {
    expect(message(checkIsoDate('3/1/2025', 'date'))).toMatch(/YYYY-MM-DD/);
    expect(message(checkIsoDate('2025-02-29', 'date'))).toMatch(/not a real calendar date/);
    expect(message(checkIsoDate('1700-01-01', 'date'))).toMatch(/between 1800 and 2100/);
    expect(message(checkIsoDate('2026-12-01', 'as-of date', '2026-11-24'))).toMatch(/in the future; it can be 2026-11-24 at the latest/);
  });
});

describe('checkPhone', () => {
  it('GIVEN US numbers in common forms THEN stored as (NXX) NXX-XXXX, extension kept', () => {
    for (const typed of ['512-854-9770', '(512) 854-9770', '512.854.9770', '+1 512 854 9770', '15128549770']) {
      expect(value(checkPhone(typed))).toBe('(512) 854-9770');
    }
    expect(value(checkPhone('512-854-9770 ext. 12'))).toBe('(512) 854-9770 ext. 12');
    expect(value(checkPhone('512 854 9770 x3'))).toBe('(512) 854-9770 ext. 3');
  });

  it('GIVEN too few digits, letters, or an area code starting with 0/1 THEN refused, with the formats allowed', () => {
    expect(message(checkPhone('854-9770'))).toMatch(/has 7 digits\. Use a 10-digit US number/);
    expect(message(checkPhone('call the front desk'))).toMatch(/is not a phone number/);
    expect(message(checkPhone('112-854-9770'))).toMatch(/area code/);
  });
});

describe('checkEmail', () => {
  it('GIVEN an address THEN accepted (mailto: dropped); GIVEN no @ or domain THEN refused with an example', () => {
    expect(value(checkEmail('mailto:sheriff@traviscountytx.gov'))).toBe('sheriff@traviscountytx.gov');
    expect(message(checkEmail('sheriff at travis'))).toMatch(/like sheriff@county\.gov/);
    expect(message(checkEmail('a@b'))).toMatch(/not an email address/);
  });
});

describe('checkText: stored verbatim', () => {
  it('GIVEN markup, mentions and emoji THEN kept exactly (rendering safely is the adapters’ job)', () => {
    const raw = '<@123456> **bold** <script>alert(1)</script> @everyone `code` 🚨';
    expect(value(checkText(raw, 'note', 500))).toBe(raw);
  });

  it('GIVEN empty, too long, or control characters THEN refused with the limit', () => {
    expect(message(checkText('   ', 'note', 500))).toMatch(/empty/);
    expect(message(checkText('x'.repeat(501), 'note', 500))).toMatch(/501 characters long; at most 500/);
    expect(message(checkText('a\u0000b', 'note', 500))).toMatch(/control characters/);
  });
});

describe('enum values', () => {
  it('GIVEN a topic THEN only its values (and unknown) are allowed, and the message lists them', () => {
    const detainers = topicById('detainers');
    expect(value(checkTopicValue(detainers, 'No'))).toBe('no');
    expect(message(checkTopicValue(detainers, 'task-force'))).toBe('"task-force" is not a value for detainers; choose one of: yes, no, partial, unknown.');
  });

  it('GIVEN 287g THEN a model or none; short forms and labels work; unknown is not a model', () => {
    const g = topicById('287g');
    expect(value(checkTopicValue(g, 'tfm'))).toBe('task-force');
    expect(value(checkTopicValue(g, 'Jail Enforcement Model'))).toBe('jail-enforcement');
    expect(value(checkTopicValue(g, 'none'))).toBe('none');
    expect(message(checkTopicValue(g, 'unknown'))).toMatch(/choose one of: jail-enforcement, task-force, warrant-service-officer, none/);
  });

  it('GIVEN selection words THEN the fixed set', () => {
    expect(value(checkEnum('Appointed', 'selection', ['elected', 'appointed', 'unknown']))).toBe('appointed');
    expect(message(checkEnum('hired', 'selection', ['elected', 'appointed', 'unknown']))).toMatch(/choose one of: elected, appointed, unknown/);
  });
});

describe('checkVersion and holder fields', () => {
  it('GIVEN #57 or 57 THEN 57; GIVEN anything else THEN what a version looks like', () => {
    expect(value(checkVersion('#57'))).toBe(57);
    expect(value(checkVersion('57'))).toBe(57);
    expect(message(checkVersion('v57'))).toMatch(/look like #57/);
  });

  it('GIVEN "none" for an optional field THEN cleared; for the name or selection THEN refused, pointing to holder-remove', () => {
    expect(value(checkHolderField('phone', 'none'))).toBeNull();
    expect(message(checkHolderField('name', 'none'))).toMatch(/cannot be cleared, only corrected; .* holder-remove/);
    expect(value(checkHolderField('website', 'https://www.tcso.org'))).toBe('https://www.tcso.org');
    expect(message(checkHolderField('took-office', 'January 2017'))).toMatch(/YYYY-MM-DD/);
  });
});
