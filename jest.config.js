/**
 * Two projects: `node` for everything in .test.ts (core, io, cli, functions, e2e), `dom` for the taskpane's
 * component tests (.test.tsx, jsdom + Testing Library). The command is bundled once before them (test/support/buildCli.cjs).
 */
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        transform: { react: { runtime: "automatic" } },
        target: "es2022",
      },
    },
  ],
};
const common = {
  roots: ["<rootDir>/test"],
  transform,
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  globalSetup: "<rootDir>/test/support/buildCli.cjs",
  projects: [
    { ...common, displayName: "node", testEnvironment: "node", testMatch: ["**/*.test.ts"] },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/taskpane/setupDom.ts"],
    },
  ],
};
