import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../dev/console/logger';
import { NODE_MISMATCH_WARNING } from '../../dev/lambda-runtime/describe-node-mismatch';
import { startLocalApi, type LocalApiOptions } from '../../dev/local-api/start-local-api';

export const FIXTURE_TEMPLATE = join(__dirname, 'fixtures', 'api', 'template.yaml');
export const SOURCES_TEMPLATE = join(__dirname, 'fixtures', 'sources', 'template.yaml');
export const AUTH_TEMPLATE = join(__dirname, 'fixtures', 'auth', 'template.yaml');
export const REAL_TEMPLATE = join(__dirname, '..', '..', 'template.yaml');

/** A token no other test uses, so that an authorizer's cache and its console lines are one test's own. */
export const uniqueToken = (word: string): string => `${word}-${randomUUID()}`;

export interface TestApi {
  url: string;
  /** Each Function URL's local address by function logical id. */
  functionUrls(): Map<string, string>;
  /** Where a debugger connects, when the test asked for the inspector. */
  inspectorUrl: string | undefined;
  /** Everything the local API printed, access lines and errors alike, in order. */
  lines: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Starts the local API on a free loopback port with its bundles in a temp dir, and records its console. */
export async function startTestApi(options: Omit<LocalApiOptions, 'logger' | 'port' | 'host'>): Promise<TestApi> {
  const buildDir = options.buildDir ?? (await mkdtemp(join(tmpdir(), 'local-api-build-')));
  const lines: string[] = [];
  const errors: string[] = [];
  const logger: Logger = {
    info: (line) => lines.push(line),
    error: (line) => {
      lines.push(line);
      // The suite runs on Node 22 as well as 24: that warning depends on the Node running it, not on the test.
      if (!line.startsWith(NODE_MISMATCH_WARNING)) errors.push(line);
    },
  };
  const api = await startLocalApi({ ...options, buildDir, port: 0, host: '127.0.0.1', logger });
  return {
    url: api.url,
    functionUrls: () => api.functionUrls(),
    inspectorUrl: api.inspectorUrl,
    lines,
    errors,
    async close() {
      await api.close();
      if (!options.buildDir) await rm(buildDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the API has printed `count` lines that match (a line comes after the answer, or after a file-system event and a build). */
export async function linesMatching(api: TestApi, matches: (line: string) => boolean, count = 1): Promise<string[]> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const found = api.lines.filter(matches);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} matching lines among:\n${api.lines.join('\n')}`);
}

/** The first line the API printed that contains `text`, once it has. */
export async function lineSaying(api: TestApi, text: string): Promise<string> {
  const [line] = await linesMatching(api, (each) => each.includes(text));
  return line ?? '';
}

/** The access line of the request whose path is `path` (the first one when there are several). */
export function accessLineFor(lines: string[], method: string, path: string): string | undefined {
  return lines.find((line) => line.startsWith(`${method} ${path} `));
}

/** A copy of fixtures/hot served by the local API, for tests that save its template while it runs. */
export interface HotCopy {
  api: TestApi;
  /** The template as copied. */
  original: string;
  saveTemplate(text: string): Promise<void>;
  close(): Promise<void>;
}

export async function serveHotCopy(prefix: string): Promise<HotCopy> {
  const workDir = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(__dirname, 'fixtures', 'hot'), workDir, { recursive: true });
  const templatePath = join(workDir, 'template.yaml');
  const original = await readFile(templatePath, 'utf8');
  const api = await startTestApi({ templatePath, buildDir: join(workDir, '.build') });
  return {
    api,
    original,
    saveTemplate: (text) => writeFile(templatePath, text),
    async close() {
      await api.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
