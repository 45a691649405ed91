export * from './edition-schema.js';
export * from './catalog.js';
export * from './fiscal-year.js';
export * from './bundle.js';
export * from './evaluate.js';
export * from './diff.js';
export * from './fiscal-year-text.js';
export * from './answer-values.js';
