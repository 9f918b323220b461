import type restify from 'restify';

/** Where the Direct Line subset lives; Web Chat is given `<base>/v3/directline` as its domain. */
export const DIRECT_LINE_PATH = '/v3/directline';

/** The serviceUrl path the bot's replies go to: the connector API under the Direct Line base. */
export const CONNECTOR_PATH = `${DIRECT_LINE_PATH}/connector`;

/**
 * Answers with a Direct Line error body (`{ error: { code, message } }`, the shape Azure Direct
 * Line uses), so a client sees what was wrong and how to fix it.
 */
export function sendError(res: restify.Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}

/** A route parameter as a string ('' when missing); restify has already URL-decoded it. */
export function routeParam(req: restify.Request, name: string): string {
  const params: unknown = req.params;
  if (typeof params !== 'object' || params === null) return '';
  const value: unknown = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** A query-string value, or undefined when absent. */
export function queryParam(req: restify.Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(req: restify.Request): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '')?.[1];
}

/** True for a JSON object (not an array or null): the only shape an activity body may have. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
