/** Swaps people's ids in event summaries for their names where the page knows them. */
export const withNames = (text: string, names?: Map<string, string>) =>
  names ? text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => names.get(id) ?? id) : text;
