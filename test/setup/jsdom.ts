// Unit-project setup: jest-dom matchers (toBeInTheDocument, toHaveAttribute, …) for the
// jsdom component tests. It only extends `expect`, so node-environment files load it too.
import '@testing-library/jest-dom/vitest';
