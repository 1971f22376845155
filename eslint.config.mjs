import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

/** Which projects may import which (Nx project tags; STYLE.md "Nx tags"). */
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:portal', 'scope:shared'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:data-access',
      'type:ui',
      'type:util',
      'type:core',
      'type:api-client',
      'type:testing',
    ],
  },
  // A portal feature never imports another feature: routed pages meet through data-access and ui libraries.
  {
    allSourceTags: ['scope:portal', 'type:feature'],
    onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:core', 'type:api-client'],
  },
  // A backend feature may import another, openly and one way (support and auth ask tenancy for people's names): the
  // rule's cycle check refuses any edge back, so two features never depend on each other (docs/adr/0005).
  {
    allSourceTags: ['scope:api', 'type:feature'],
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util', 'type:core'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:core', 'type:api-client'],
  },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:util', 'type:api-client'] },
  { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:feature', 'type:core', 'type:util', 'type:data-access'],
  },
];

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.angular',
      '.local/**',
      'tmp/**',
      'test-results/**',
      'playwright-report/**',
      'libs/portal/api-client/src/generated/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, banTransitiveDependencies: true, allow: [], depConstraints },
      ],
    },
  },
  {
    // Type-aware rules where a mistake is a security or correctness bug: an unawaited promise is a write that may not
    // happen, or an error nobody sees.
    files: ['**/*.ts'],
    ignores: ['**/jest.config.ts', '**/jest.int.config.ts', '**/playwright.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // NestJS reads constructor parameter types at run time (emitDecoratorMetadata): a type-only import there breaks
    // dependency injection, so the type-import rule stays off on the backend.
    files: ['apps/api/**/*.ts', 'libs/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Each module adds its audit event types to core's AuditEventTypes by declaration merging: an interface that only
    // extends its module's table is the point there (docs/adr/0005).
    files: ['libs/api/*/src/lib/audit-events.ts', 'libs/api/core/src/lib/ports/audit.ts'],
    rules: {
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-empty-interface': ['error', { allowSingleExtends: true }],
    },
  },
  ...[...angular.configs.tsRecommended].map((config) => ({
    ...config,
    files: ['apps/portal/**/*.ts', 'libs/portal/**/*.ts'],
  })),
  {
    files: ['apps/portal/**/*.ts', 'libs/portal/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'aidial', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'aidial', style: 'camelCase' }],
    },
  },
  ...[...angular.configs.templateRecommended, ...angular.configs.templateAccessibility].map((config) => ({
    ...config,
    files: ['apps/portal/**/*.html', 'libs/portal/**/*.html'],
  })),
];
