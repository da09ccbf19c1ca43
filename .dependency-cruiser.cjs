// The house's layering, checked by `npm run lint` (dependency-cruiser). Folders are listed top to
// bottom: a folder may import its own layer and the layers below it, never one above. Adding a
// folder is adding its name to LAYERS.
/** @type {string[][]} top → bottom; each inner list is one layer of src/ folders */
const LAYERS = [
  ['commands'],
  ['framework', 'present', 'moderation'],
  ['queries', 'lookup', 'store'],
  ['db'],
  ['domain'],
];

const under = (folders) => `^src/(${folders.join('|')})/`;

const layerRules = LAYERS.slice(1).flatMap((layer, i) => {
  const above = LAYERS.slice(0, i + 1).flat();
  return [
    {
      name: `layer-${layer.join('-')}`,
      comment: `src/{${layer.join(',')}} sit below src/{${above.join(',')}} and may not import them`,
      severity: 'error',
      from: { path: under(layer) },
      to: { path: under(above) },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles hide which module is the lower one; move the shared piece down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-adapters',
      comment: 'src/ is the core: it never imports an adapter or a chat library.',
      severity: 'error',
      from: { path: '^src/' },
      // The second pattern names the libraries when they do not resolve (a fixture outside the repo).
      to: { path: ['^adapters/', 'node_modules/(discord\\.js|@discordjs|@slack)/', '^(discord\\.js|@discordjs/|@slack/)'] },
    },
    {
      name: 'domain-is-plain',
      comment: 'src/domain holds plain types and rules: it imports nothing else of src/ but the catalogs (i18n).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/i18n/'] },
    },
    {
      name: 'storage-not-above',
      comment: 'src/store and src/db are read by commands, the scheduler and importers, never the other way.',
      severity: 'error',
      from: { path: '^src/(store|db)/' },
      to: { path: '^src/(commands|scheduler|importers)/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
