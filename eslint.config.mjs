// ESLint as the Office generator sets it up (eslint-plugin-office-addins' React config: typescript-eslint, the Office.js
// batch rules, React, Prettier with office-addin-prettier-config), plus the react-hooks rules. ESLint runs directly
// rather than through office-addin-lint, whose CLI reports usage data: nothing here leaves the machine.
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default [
  {
    ignores: [
      "dist/**",
      "build/**",
      "node_modules/**",
      "coverage/**",
      "demo-output/**",
      ".tmp/**",
      "test-results/**",
      "**/fixtures/**",
    ],
  },
  // the plugin's TypeScript block lists .ts but not .tsx: the same rules for both
  ...officeAddins.configs.react.map((c) =>
    c.files ? { ...c, files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"] } : c
  ),
  // the plugin parses plain JavaScript as ES6: our scripts are modern Node
  { files: ["**/*.{js,mjs,cjs}"], languageOptions: { ecmaVersion: "latest" } },
  // …except the one script that must run in Internet Explorer 11 webviews
  {
    files: ["src/taskpane/legacy-webview.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: { ...globals.browser, Office: "readonly" },
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // React 17+ JSX transform and TypeScript props
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      // types, not globals, are checked by tsc
      "no-undef": "off",
      "no-redeclare": "off",
      // Chinese text is set with ideographic spaces, in strings and templates alike
      "no-irregular-whitespace": [
        "error",
        { skipStrings: true, skipTemplates: true, skipComments: true },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: [
      "test/**",
      "scripts/**",
      "webpack.config.js",
      "jest.config.js",
      "bin/**",
      "**/*.cjs",
      "**/*.mjs",
    ],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // the fake's own tests read without load() on purpose, to see it throw as Office.js does; Playwright locators
    // are not Office proxies
    files: ["test/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.js", "jest.config.js", "bin/**"],
    languageOptions: { sourceType: "commonjs" },
  },
];
