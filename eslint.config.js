// Lints the regular expressions of the code base: none may backtrack super-linearly, so no message can stall
// the server (`npm run lint`; also run by `npm test`). Patterns built at run time are checked by
// test/regexp-safety.test.ts, which sees them after they are constructed.
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['node_modules/**', 'coverage/**', '.ci/**', 'dist/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
];
