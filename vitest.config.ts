import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Unit tier: pure engine and data code in Node, Preact components in happy-dom
// (a test file opts into the DOM with a `// @vitest-environment happy-dom` comment).
export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
