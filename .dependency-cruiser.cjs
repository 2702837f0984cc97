/**
 * Layering, checked on every `npm test`. Layers import only downward:
 *   contract (zod only) <- core (Node) <- main/preload (Electron) ; renderer -> contract only.
 * Inside the core, features reach each other along db -> stores -> workspace -> demo -> api -> host/cli.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-only-zod',
      comment: 'The contract is shared by every layer: it may import nothing but itself and zod.',
      severity: 'error',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '^node_modules/zod/', '^zod$'] },
    },
    {
      name: 'core-never-imports-electron',
      comment: 'The core is plain Node: it runs in tests, the host and the CLI, where Electron does not exist.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^electron$', '^node_modules/electron/'] },
    },
    {
      name: 'core-stays-below-shell-and-ui',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^electron/main/', '^electron/preload/', '^renderer/', '^react', '^node_modules/react'] },
    },
    {
      name: 'preload-imports-only-electron',
      comment: 'A sandboxed preload can require only electron; the contract may be used for types.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^electron$', '^node_modules/electron/', '^electron/contract/'] },
    },
    {
      name: 'main-imports-core-entry-points-only',
      severity: 'error',
      from: { path: '^electron/main/' },
      to: { path: ['^renderer/', '^electron/preload/'] },
    },
    {
      name: 'renderer-imports-only-the-contract',
      comment: 'The renderer never knows the host: it sees the contract and talks through a transport.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/(?!contract/)', '^electron$', '^node_modules/electron/', '^node_modules/better-sqlite3/', '^node_modules/fastify'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.mts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-features-through-their-index',
      comment: 'A feature reaches another feature only through its index.ts.',
      severity: 'error',
      from: { path: '^renderer/features/([^/]+)/' },
      to: { path: '^renderer/features/([^/]+)/', pathNot: ['^renderer/features/$1/', '^renderer/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'app-uses-feature-index',
      severity: 'error',
      from: { path: '^renderer/(app|ui|api)/' },
      to: { path: '^renderer/features/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'ui-and-api-below-features',
      severity: 'error',
      from: { path: '^renderer/(ui|api)/' },
      to: { path: '^renderer/(features|app)/' },
    },
    {
      name: 'core-stores-below-api',
      comment: 'Stores and the database never reach up into the API, host or CLI.',
      severity: 'error',
      // Tests beside a store may drive it through the API or the host, as a user would.
      from: { path: '^electron/core/(db|event_folder|events|participants|programme|elections|workspace|home|demo|devices|badges|import|search|photos|checkin|voting|count|tally|backup|event_transfer|erase)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^electron/core/(api|host|cli)/' },
    },
    {
      name: 'db-is-the-bottom',
      severity: 'error',
      from: { path: '^electron/core/db/' },
      to: { path: '^electron/core/(?!db/)', pathNot: '_test_helpers\\.ts$' },
    },
    {
      name: 'tally-is-pure',
      comment: 'The tabulation engine runs anywhere (host, CLI, a browser): no database, no other core module, no Node.',
      severity: 'error',
      from: { path: '^electron/core/tally/', pathNot: ['\\.test\\.ts$', '_test_helpers\\.ts$'] },
      to: { path: ['^electron/core/(?!tally/)', '^(node:)?(fs|path|os|child_process|crypto|net|http)$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test-from-production',
      severity: 'error',
      from: { path: '^(electron|renderer)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: ['^tests/', '\\.test\\.tsx?$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^out/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
