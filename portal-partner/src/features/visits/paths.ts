/** Where a co-visit and a note open: from the lists, the inbox and notices. */
export const coVisitPath = (id: string) => `/visits/co-visits/${encodeURIComponent(id)}`;
export const notePath = (id: string) => `/visits/notes/${encodeURIComponent(id)}`;
