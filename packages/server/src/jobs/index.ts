export { openJobs, type EnqueueOptions, type JobHandler, type Jobs, type JobsOptions } from './jobs.js';
export { defaultQueueOptions, type QueueDefinition } from './queues.js';
export { installJobSchema, JOB_SCHEMA } from './schema.js';
export { appQueues, openAppJobs, type AppJobs } from './app-jobs.js';
