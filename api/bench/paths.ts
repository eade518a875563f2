import path from 'node:path';

/** This file runs as api/dist/bench/paths.js. */
export const API_DIR = path.resolve(__dirname, '..', '..');
export const REPO_DIR = path.resolve(API_DIR, '..');
export const RESULTS_DIR = path.join(API_DIR, 'bench', 'results');
