/** Moderators' changes to the office-holder record: one field set, or one record removed. */
import type { Jurisdiction, OfficeHolder } from '../domain/types.ts';
import type { HolderField } from '../domain/validation.ts';
import { holderFieldChange } from '../store/change-messages.ts';
import type { Store } from '../store/index.ts';
import { msg } from '../i18n/index.ts';
import { UserError } from '../user-error.ts';
import { moderatorSourceTitle, shownValue, UnchangedError, type Author, type Change } from './base.ts';

/**
 * A moderator's record of the holder: the moderators' earlier record (or the record shown)
 * with one field changed. Person facts (party, selection, dates) are kept only while the name
 * stays the same; contact details are carried only from moderators' own record, so the card
 * keeps showing each directory's details with that directory as the source.
 */
export function setHolderField(store: Store, j: Jurisdiction, officeId: number, change: Extract<Change, { kind: 'holder_set' }>, author: Author, at: string): void {
  const records = store.holders.records(officeId);
  const shown = shownValue(records, change.field);
  if (shown.value === change.value) throw new UnchangedError('unchanged.holder', { field: change.field, value: change.value ?? '' });
  const mine = records.find((r) => r.sourceKind === 'moderator');
  const base = mine ?? records[0];
  if (!base && change.field !== 'name') {
    // holder-set refuses this first; this guards approvals and other callers.
    throw new UserError('no_holder', 'holder-set.no-holder', { place: `${j.name}, ${j.state}` }, [
      msg('holder-set.no-holder.help', { command: `\`holder-set ${j.name}, ${j.state} name <source> <full name>\`` }),
    ]);
  }
  const name = change.field === 'name' ? change.value! : base!.name;
  const samePerson = base !== undefined && base.name === name;
  const person = <K extends 'party' | 'tookOffice' | 'termEnd'>(key: K, field: HolderField) =>
    change.field === field ? change.value : samePerson ? base[key] : null;
  const contact = (key: 'phone' | 'email' | 'address' | 'website') => (change.field === key ? change.value : (mine?.[key] ?? null));
  const next = {
    officeId,
    name,
    nameAsPrinted: change.field === 'name' ? name : base!.nameAsPrinted,
    party: person('party', 'party'),
    selection: (change.field === 'selection' ? change.value : samePerson ? base.selection : 'unknown') as OfficeHolder['selection'],
    tookOffice: person('tookOffice', 'took-office'),
    termEnd: person('termEnd', 'term-end'),
    phone: contact('phone'),
    email: contact('email'),
    address: contact('address'),
    website: contact('website'),
    sourceKind: 'moderator' as const,
    source: { title: moderatorSourceTitle(change.sourceUrl), url: change.sourceUrl, date: change.asOf },
    dataset: null,
    recordedBy: author.id,
    recordedAt: at,
  };
  if (mine) store.holders.retire(mine.id, at);
  const id = store.holders.insert(next);
  store.changes.append({
    entity: 'office_holder',
    entityId: id,
    jurisdictionFips: j.fips,
    officeId,
    action: records.length ? 'changed' : 'created',
    message: holderFieldChange(change.field, shown.value, change.value),
    before: shown.record ?? null,
    after: { id, ...next },
    sourceUrl: change.sourceUrl,
    sourceTitle: next.source.title,
    by: author.id,
    at,
    community: author.community ?? null,
  });
}

export function retireHolder(store: Store, j: Jurisdiction, officeId: number, change: Extract<Change, { kind: 'holder_retire' }>, author: Author, at: string): void {
  const record = store.holders.records(officeId).find((r) => r.id === change.holderId)!;
  store.holders.retire(record.id, at);
  store.changes.append({
    entity: 'office_holder',
    entityId: record.id,
    jurisdictionFips: j.fips,
    officeId,
    action: 'retired',
    message: msg('change.holder.removed', { id: record.id, name: record.name, source: record.source.title, reason: change.reason }),
    before: record,
    after: null,
    sourceUrl: change.sourceUrl,
    sourceTitle: change.sourceUrl ? moderatorSourceTitle(change.sourceUrl) : `Removed by a moderator: ${change.reason}`,
    by: author.id,
    at,
    community: author.community ?? null,
  });
}
