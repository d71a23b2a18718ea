// ESLint flat config: typed strict rules, React hooks, accessibility, and the import arrows of the
// layout (README "Layout"), so the layering cannot drift.
import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// ---- Import boundaries (the arrows of README "Layout") -------------------------------------------
// no-restricted-imports sees only the import string, so: inside a layer, code reaches another layer
// through `~/<layer>/…` (server/ through `../…/app/<layer>/…`), and a relative import may not climb out
// of its own layer; then the allowed targets of each layer are an allowlist of those prefixes.
/** A pattern that refuses `~/<layer>` and `…/app/<layer>` for each app layer not in `allowed`. */
const onlyAppLayers = (allowed, why) => ({
  regex: `^(~|(\\.\\./)+app)/(?!(${allowed.join('|')})(/|$))`,
  message: `${why} may import only from app/{${allowed.join(', ')}}.`,
})
const noServerFolder = { regex: '^(\\.\\./)+server(/|$)', message: 'Nothing in app/ imports from server/.' }
const noServerModules = (who) => ({
  regex: '\\.server(\\.tsx?)?$',
  message: `${who} run in the browser too: never import a *.server.ts module.`,
})
/**
 * A relative import that climbs out of the layer whose file is `depth` folders below the layer root:
 * allowed only into the sibling layers `besides` and the repository folders `atRoot` (tests, prisma).
 */
const noClimb = (depth, besides, atRoot) => {
  const exits = [...besides.map((b) => `${b}(/|$)`), ...atRoot.map((r) => `\\.\\./${r}(/|$)`)]
  return {
    regex: `^(\\.\\./){${depth + 1}}${exits.length ? `(?!${exits.join('|')})` : ''}`,
    message: 'Import another layer through its alias (~/<layer>/…), so the boundary rule can check it.',
  }
}
const layer = (folder, patterns, { besides = [], atRoot = [], paths = [] } = {}) =>
  [0, 1, 2, 3, 4].map((depth) => ({
    files: [`${folder}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths, patterns: [...patterns, noClimb(depth, besides, ['tests', 'prisma', ...atRoot])] }],
    },
  }))
const boundaries = [
  ...layer('app/routes', [noServerFolder, onlyAppLayers(['routes', 'domain', 'components', 'lib', 'protocol', 'utils', 'media', 'live', 'root'], 'Routes')]),
  ...layer('app/domain', [noServerFolder, onlyAppLayers(['domain', 'generated', 'lib', 'utils', 'protocol'], 'Domain code')], {
    paths: [
      {
        name: 'react-router',
        importNames: ['data'],
        message: 'Domain code knows nothing of HTTP: throw a DomainError (app/domain/errors.ts).',
      },
    ],
  }),
  ...layer('app/components', [
    noServerFolder,
    noServerModules('Components'),
    onlyAppLayers(['components', 'lib', 'protocol', 'live', 'media', 'domain', 'root'], 'Components'),
  ]),
  ...layer('app/lib', [noServerFolder, noServerModules('app/lib helpers'), onlyAppLayers(['lib', 'locales', 'root'], 'app/lib')]),
  ...layer('app/protocol', [noServerFolder, onlyAppLayers(['protocol', 'lib'], 'Protocol schemas')]),
  ...layer('app/live', [noServerFolder, onlyAppLayers(['live', 'protocol', 'lib'], 'The live client')]),
  ...layer('app/media', [noServerFolder, onlyAppLayers(['media', 'protocol', 'lib'], 'The media client')]),
  ...layer('app/utils', [noServerFolder, onlyAppLayers(['utils', 'lib', 'domain'], 'app/utils')]),
  ...layer('app/locales', [noServerFolder, onlyAppLayers(['locales'], 'Locales')]),
  ...layer('server/realtime', [onlyAppLayers(['domain', 'protocol', 'lib', 'utils'], 'The socket gateway')], {
    // operations: the metrics hooks (server/operations/metrics.ts); cluster: media nodes in Redis (ADR 020).
    besides: ['media', 'recording', 'restream', 'operations', 'cluster'],
    atRoot: ['app'],
  }),
  // Restream: the recorder's encode out to RTMP publishers; destinations and uptime through the domain. No sockets.
  ...layer('server/restream', [onlyAppLayers(['domain', 'protocol', 'lib', 'utils'], 'The restreamer')], {
    besides: ['media', 'recording'],
    atRoot: ['app'],
    paths: ['socket.io'].map((name) => ({ name, message: 'The restreamer knows no sockets: the realtime layer tells hosts what it does.' })),
  }),
  // Recording: the room's media (server/media) into ffmpeg; rows and storage through the domain. No sockets.
  ...layer('server/recording', [onlyAppLayers(['domain', 'protocol', 'lib', 'utils'], 'The recorder')], {
    besides: ['media'],
    atRoot: ['app'],
    paths: ['socket.io'].map((name) => ({ name, message: 'The recorder knows no sockets: the realtime layer tells rooms what it does.' })),
  }),
  // Cluster: media nodes, their RPC and placement in Redis (ADR 020). No sockets, no database, no mediasoup objects.
  ...layer('server/cluster', [onlyAppLayers(['utils'], 'The cluster layer')], {
    atRoot: ['app'],
    paths: ['socket.io', 'express', 'react-router', 'pg', '@prisma/client', 'mediasoup'].map((name) => ({
      name,
      message: 'server/cluster coordinates nodes through Redis only: no sockets, HTTP, database or mediasoup.',
    })),
  }),
  ...layer(
    'server/media',
    [
      { regex: '^(~|(\\.\\./)+app)/(?!protocol/)', message: 'server/media uses mediasoup only (and protocol types).' },
      { regex: '^(~|(\\.\\./)+app)/protocol/', allowTypeImports: true, message: 'server/media takes only types from protocol.' },
    ],
    {
      atRoot: ['app'],
      paths: ['socket.io', 'express', 'react-router', 'pg', '@prisma/client'].map((name) => ({
        name,
        message: 'server/media is mediasoup only: no sockets, HTTP or database.',
      })),
    },
  ),
  {
    // The app's own top-level modules (root, entry.server, routes.ts) and tests under app/.
    files: ['app/*.{ts,tsx}', 'app/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerFolder] }] },
  },
]

export default tseslint.config(
  {
    ignores: ['app/generated/**', 'build/**', '.react-router/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.cache/**'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Counts and ids in messages, keys and URLs are deliberate; other non-strings still need String().
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` is the codebase's idiom; a returned void is never read there.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // The code declares object shapes with `type` (about 3 to 1); keep one way.
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      // `T[]` for simple element types, `Array<{ … }>` for object and union ones, as the code writes them.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // Conflicts with strict's no-non-null-assertion (typescript-eslint's docs say to keep one): strict wins.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // `_name` marks a parameter or a destructured-away field the code keeps on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `input.city || null` turns an empty form field into NULL on purpose; `??` would store ''.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // React Router guards throw redirect()/data() responses by design (loaders read top to bottom).
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: 'undici-types', name: 'Response' },
            { from: 'package', package: 'react-router', name: 'DataWithResponseInit' },
          ],
        },
      ],
    },
  },
  // Tests are left out: vitest's own helpers are named use…() and are not React hooks.
  { files: ['app/**/*.{ts,tsx}'], ignores: ['**/*.test.{ts,tsx}'], extends: [reactHooks.configs.flat.recommended] },
  {
    files: ['**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
    rules: {
      // A scrollable region takes focus so keyboard users can scroll it (the accessible table pattern).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
      // Option labels nest their text in spans (time, then the other side's time).
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**', 'tests/**', 'bench/**'],
    rules: {
      // In a test, a wrong `!` throws and fails the test: the assertion is the point.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**'],
    rules: {
      // Test fakes implement async and callback interfaces with bodies that do nothing or do not await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-empty-function': 'off',
      // vitest types its asymmetric matchers (expect.arrayContaining, objectContaining) as any.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // The fair scheduler's LP and local search index typed arrays sized by the instance in hot loops,
    // where every index is bounded by the loop (noUncheckedIndexedAccess cannot see it).
    files: ['app/domain/matchmaking/fair-*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Socket handlers are async by the registry's contract: a throw and a rejection both become a refusal.
    files: ['server/realtime/**/*-handlers/*.ts', 'server/realtime/*-namespace.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  ...boundaries,
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
)
