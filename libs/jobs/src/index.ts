export * from './job-queue';
export * from './local/local.job-queue';
// bullmq and ioredis load inside BullmqJobQueue.connect(), so exporting the class costs the embedded default nothing.
export * from './bullmq/bullmq.job-queue';
export * from './jobs.module';
