/**
 * @cert/contracts: the plain types of every request body and response view the api serves, shared by apps/api and
 * apps/web. The server's queries and views return these types, its DTO classes implement the request types, and /docs
 * shows their schemas (src/api.ts). Types only, besides the few constants both sides validate against.
 */
export * from './domain';
export * from './application';
export * from './review';
export * from './decision';
export * from './progress';
export * from './evidence';
export * from './directory';
export * from './awards';
export * from './notifications';
export * from './audit';
export * from './auth';
export * from './writes';
export * from './privacy';
export * from './problem';
export * from './operations';
export * from './people';
export * from './schedule';
export * from './api';
export * from './credentials';
