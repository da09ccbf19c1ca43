import { en } from '../../i18n/en.ts';
import { msg } from '../../i18n/index.ts';
import { UserError } from '../../user-error.ts';
import { holderRecords } from '../../moderation/base.ts';
import { todayIn } from '../../clock.ts';
import { checkHolderField, checkUrl, HOLDER_FIELDS, type HolderField } from '../../domain/validation.ts';
import { checked, expectArg, rerun, resolveCounty } from './record-args.ts';
import { submitChange } from '../../moderation/submit.ts';
import type { CommandDef } from '../../framework/types.ts';
import { PLACE_OPTIONS, REVISION_OPTION, SOURCE_URL_OPTION } from '../../framework/options.ts';

export const holderSetCommand: CommandDef = {
  name: 'holder-set',
  options: [
    ...PLACE_OPTIONS,
    {
      name: 'field',
      type: 'choice',
      required: true,
      // Labels are the catalog's (command.holder-set.option.field.choice.<field>), shown in the reader's language.
      choices: HOLDER_FIELDS.map((f) => ({ value: f, label: en[`command.holder-set.option.field.choice.${f}`] })),
    },
    SOURCE_URL_OPTION,
    REVISION_OPTION,
    { name: 'value', type: 'text', required: true },
  ],
  // Everyone may propose; only an editor's change is applied at once (see submitChange).
  permission: 'everyone',
  examples: [
    'holder set Travis, TX phone https://www.traviscountytx.gov/sheriff (512) 854-9770',
    'holder-set Travis, TX name https://www.traviscountytx.gov/sheriff Sally Hernandez',
    'holder-set Travis, TX took-office https://www.traviscountytx.gov/sheriff 2017-01-01',
  ],
  handler(ctx, args) {
    const j = resolveCounty(ctx, 'holder-set', args);
    const field = String(args.field) as HolderField;
    const sourceUrl = checked(checkUrl(String(args.source ?? '')));
    const value = checked(checkHolderField(field, String(args.value ?? '')));
    if (field !== 'name' && holderRecords(ctx.store, j.fips).length === 0) {
      throw new UserError('no_holder', 'holder-set.no-holder', { place: `${j.name}, ${j.state}` }, [
        msg('holder-set.no-holder.help', { command: `\`holder-set ${j.name}, ${j.state} name <source> <full name>\`` }),
      ]);
    }
    return submitChange(ctx, {
      change: { kind: 'holder_set', fips: j.fips, field, value, sourceUrl, asOf: todayIn(ctx.clock, j.timeZone) },
      invocation: rerun('holder-set', args, j),
      expect: expectArg(args),
    });
  },
};
