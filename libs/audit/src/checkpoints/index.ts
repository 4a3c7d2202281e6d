export * from './checkpoint-key';
export * from './witness';
export * from './find-checkpoints';
export * from './checkpoint-maker';
export * from './checkpoints.module';
