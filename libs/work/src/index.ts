export { WorkModule } from './work.module';
export { ReactionRunner } from './reaction-runner';
export { BlobSweep, referencedDocuments } from './blob-sweep';
export type { BlobSweepReport } from './blob-sweep';
