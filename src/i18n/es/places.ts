import type { places as placesEn } from '../en/places.ts';

/** Mensajes de la lectura de ciudades y códigos postales, errores en el estado, saludos y ejemplos por plataforma. */
export const places: Record<keyof typeof placesEn, string> = {
  'places.city-in': '{place} está en {county}.',
  'places.city-also': 'Una parte está también en {counties}: elija abajo si usted vive allí.',
  'places.zip-in': 'El código postal {zip} ({postOffice}) está en {county}.',
  'places.zip-in.bare': 'El código postal {zip} está en {county}.',
  'places.zip-also': 'Algunas de sus direcciones están en {counties}: elija abajo si la suya está allí.',
  'places.zip-cross': 'Un código postal puede abarcar más de un condado; si vive cerca del límite, confirme su condado.',
  'places.other-readings': '¿Buscaba otra cosa? Elíjala abajo.',
  'places.county-chosen': 'Esta es la respuesta para {place}. Abajo se ofrece la ciudad del mismo nombre.',
  'places.zip-unknown': 'El código postal {zip} no está en la lista',
  'places.zip-unknown.hint': 'Revise los cinco dígitos, o escriba su ciudad o condado, p. ej. `{example}`.',
  'places.cities-ambiguous': '¿Cuál? Elija uno abajo, o agregue el estado, p. ej. `{example}`.',
  'places.state-typo': '¿Quiso decir {state}?',
  'places.check-spelling.state-given': 'Revise cómo se escribe el condado o la ciudad, p. ej. `{example}`.',
  'places.hello.title': '¡Hola!',
  'places.hello.ask': 'Pregunte por cualquier condado, ciudad o código postal, p. ej. `{county}`, `{city}` o `{zip}`.',
  'places.hello.more': 'Para todo lo demás que puedo hacer: `{help}`.',
};
