// The award cycle's public surface, exported from the domain's index in one line.
export * from './award-criteria';
export * from './award-cycle.events';
export * from './award-cycle.registry';
export * from './award-cycle.commands';
export * from './award-cycle.state';
export * from './award-cycle.decider';
export * from './award.errors';
export * from './nominee';
