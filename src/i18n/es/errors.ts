import type { errors as english } from '../en/errors.ts';

export const errors: Record<keyof typeof english, string> = {
  'moderation.no-fips': 'Ningún condado con el código FIPS {fips}',
  'moderation.no-fips.help': 'Es posible que la lista de condados haya cambiado desde que se propuso este cambio.',
};
