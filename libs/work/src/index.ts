export { WorkModule } from './work.module';
export { ReactionRunner } from './reaction-runner';
