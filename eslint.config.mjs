import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, top to bottom: imports only point down. extension.ts (the composition
 * root) → commands → views, statusBar, prompts (what the user sees) → services (no UI) → api,
 * time, common (the ground). scripts/check-import-cycles.mjs, run with lint, forbids cycles.
 */
const UI = ['views', 'statusBar', 'prompts'];
const SERVICES = ['auth', 'connection', 'git', 'gitExtension', 'lookups', 'outbox', 'reminders', 'tasks', 'timeLog', 'timeReport', 'timer', 'timesheet'];
const folders = (names) => names.flatMap((name) => [`**/${name}/**`, `../${name}`, `../../${name}`]);
const ROOT = ['**/extension', '**/extension.ts'];

/** `files` may import none of `forbidden` (paths as written in the import), nor, with `noVscode`, the vscode API. */
function layer(files, forbidden, reason, noVscode = false) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: forbidden, message: `${reason} Imports point down: extension → commands → views/statusBar/prompts → services → api/time/common.` }],
          ...(noVscode ? { paths: [{ name: 'vscode', message: 'This layer runs without VS Code (it is tested in plain Node); take what it needs through a constructor.' }] } : {}),
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // VS Code turns `[label](command:…)` in a notification into a link that runs the command.
          selector:
            "CallExpression[callee.property.name=/^show(Error|Warning|Information)Message$/] > .arguments:first-child:not(Literal, CallExpression[callee.name='defuseLinks'])",
          message: 'Pass notification text through defuseLinks (src/common/untrustedText.ts): service text must not form links.',
        },
      ],
    },
  },
  {
    // Files are split by job before they grow past a screenful or two; functions stay readable whole.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 60 }],
    },
  },
  layer(['src/commands/**/*.ts'], [...ROOT, ...folders(['chat'])], 'Commands are registered by the composition root, not the other way round.'),
  // The chat tools sit beside the commands: they use the services and run commands by id, never by import.
  layer(['src/chat/**/*.ts'], [...ROOT, ...folders(['commands', 'views', 'statusBar'])], 'The chat tools are registered by the composition root; they run commands by id.'),
  ...['chatResolution', 'chatText', 'chatConfirmations'].map((name) =>
    layer([`src/chat/${name}.ts`], [...ROOT, ...folders(['commands', ...UI])], 'Pure chat logic is unit-tested in plain Node.', true),
  ),
  layer(
    UI.map((name) => `src/${name}/**/*.ts`),
    [...folders(['commands', 'chat']), ...ROOT],
    'Views, the status bar and prompts are used by commands; they do not run commands by import.',
  ),
  layer(
    SERVICES.map((name) => `src/${name}/**/*.ts`),
    [...folders(['commands', 'chat', ...UI]), ...ROOT],
    'Services know nothing of commands, views, the status bar or prompts.',
  ),
  ...['git', 'timer', 'timeLog', 'outbox', 'tasks', 'lookups', 'timeReport', 'timesheet'].map((name) =>
    layer([`src/${name}/**/*.ts`], [...folders(['commands', ...UI]), ...ROOT], 'Services know nothing of commands, views, the status bar or prompts.', true),
  ),
  layer(['src/common/**/*.ts'], [...folders(['commands', ...UI, ...SERVICES]), ...ROOT], 'common/ is the ground floor: it may use api/ and time/ only.'),
  layer(['src/api/**/*.ts', 'src/time/**/*.ts'], ['../*', ...ROOT], 'api/ and time/ stand on nothing else of the extension.', true),
  {
    // Test runners, the fake server's command line and benchmarks print to the terminal by design.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
