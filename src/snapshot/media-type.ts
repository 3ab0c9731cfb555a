// Media type helpers shared by deploy-time compilers and the data plane: the essence of a
// Content-Type (parameters stripped) and the first media type of an Accept header.
// Reference §1.5 ("only the first media type of Accept is honoured"), §2.2, §2.4.

/** `application/json; charset=UTF-8` → `application/json` (lower-case); '' stays ''. hot path */
export function mediaTypeOf(value: string): string {
  const semicolon = value.indexOf(';');
  const essence = semicolon < 0 ? value : value.slice(0, semicolon);
  return essence.trim().toLowerCase();
}

/** `text/html, application/json;q=0.9` → `text/html`. hot path */
export function firstMediaType(accept: string): string {
  const comma = accept.indexOf(',');
  return mediaTypeOf(comma < 0 ? accept : accept.slice(0, comma));
}
