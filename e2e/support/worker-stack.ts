import { useWorkerStack } from './stack';

// Jest's setupFiles: each test file runs against its worker's own stack (support/stack.ts).
useWorkerStack(process.env);
