import { LocalReactionCheckpoint } from './reaction-checkpoint';
import { itBehavesLikeAReactionCheckpoint } from './testing/reaction-checkpoint.contract';

describe('LocalReactionCheckpoint', () => {
  itBehavesLikeAReactionCheckpoint(() => ({ open: async (readDb) => new LocalReactionCheckpoint(readDb) }));
});
