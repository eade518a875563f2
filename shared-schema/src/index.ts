export * from './roles.js';
export * from './errors.js';
export * from './locale.js';
export * from './distributor.js';
export * from './catalog.js';
export * from './orders.js';
export * from './finance.js';
export * from './visits.js';
