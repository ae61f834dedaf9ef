import type { IdentitySources } from '../../sam-model/sam-template';

/** Where an event keeps what identity sources name, whatever the event's format. */
export interface IdentityView {
  headers: Readonly<Record<string, string | undefined>> | null | undefined;
  query: Readonly<Record<string, string | undefined>> | null | undefined;
  stageVariables: Readonly<Record<string, string | undefined>> | null | undefined;
  requestContext: unknown;
}

const headerOf = (headers: IdentityView['headers'], name: string): string | undefined =>
  Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

// `identity.sourceIp` in requestContext.
function contextValue(requestContext: unknown, path: string): string | undefined {
  let value = requestContext;
  for (const key of path.split('.'))
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * The values of an authorizer's identity sources in order, or undefined when one is missing or
 * empty: API Gateway then answers 401 without calling the authorizer.
 */
export function readIdentity(sources: IdentitySources, view: IdentityView): string[] | undefined {
  const values = [
    ...sources.headers.map((name) => headerOf(view.headers, name)),
    ...sources.queryStrings.map((name) => view.query?.[name]),
    ...sources.stageVariables.map((name) => view.stageVariables?.[name]),
    ...sources.context.map((path) => contextValue(view.requestContext, path)),
  ];
  return values.every((value): value is string => value !== undefined && value !== '') ? values : undefined;
}

export const countIdentitySources = (sources: IdentitySources): number =>
  sources.headers.length + sources.queryStrings.length + sources.stageVariables.length + sources.context.length;
