/** The private thumbnail of a stored photo (owner or staff only). Plain module: server and client pages use it. */
export const thumbUrl = (id: string) => `/api/photos/${encodeURIComponent(id)}?size=thumb`;
