/** The response-schema generator (response-schemas.js), for the spec that keeps its output current. */
export declare function generateResponseSchemas(): Record<string, unknown>;
/** The file it writes: apps/api/src/http/response-schemas.json. */
export declare const OUT: string;
