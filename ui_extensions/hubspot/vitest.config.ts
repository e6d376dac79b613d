import { defineConfig } from 'vitest/config';

// The HubSpot testing renderer needs no DOM: components render into a remote tree.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
  },
});
