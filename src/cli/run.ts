import { main } from './main.js';

// Entry point for running the CLI from source (tests, development): node --import tsx src/cli/run.ts
await main(process.argv);
