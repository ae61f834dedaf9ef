import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRequest } from './send-request';
import { FIXTURE_TEMPLATE, lineSaying, startTestApi, type TestApi } from './start-test-api';

// `--env-vars env.json` and `--parameter-overrides` as sam local applies them, seen from inside the functions.
let workDir: string;
let envVarsPath: string;
let api: TestApi;

const ENV_VARS = {
  Parameters: { SHARED: 'from-parameters', OVERRIDDEN: 'from-parameters', NOT_DECLARED: 'x' },
  EchoFunction: { OVERRIDDEN: 'from-echo-section', NOT_DECLARED_HERE: 'y' },
  MisbehaveFunction: { GREETING: 'declared by Echo only' },
  NoSuchFunction: { SHARED: 'z' },
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'local-api-env-vars-'));
  envVarsPath = join(workDir, 'env.json');
  await writeFile(envVarsPath, JSON.stringify(ENV_VARS));
  api = await startTestApi({ templatePath: FIXTURE_TEMPLATE, envVarsPath, parameterOverrides: { Greeting: 'howdy' } });
});

afterAll(async () => {
  await api.close();
  await rm(workDir, { recursive: true, force: true });
});

const echoEnv = async () => (await sendRequest(`${api.url}/echo/env`)).json<{ env: Record<string, string | undefined> }>().env;
const misbehaveEnv = async () => (await sendRequest(`${api.url}/misbehave/env`)).json<Record<string, string | undefined>>();

describe('an env vars file', () => {
  it("gives a function its own section's values over Parameters, and Parameters' values over the template's", async () => {
    expect(await echoEnv()).toMatchObject({ SHARED: 'from-parameters', OVERRIDDEN: 'from-echo-section' });
    expect(await misbehaveEnv()).toMatchObject({ SHARED: 'from-parameters', OVERRIDDEN: 'from-parameters' });
  });

  it('sets only the variables the template declares for the function, and warns about the others', async () => {
    const echo = await echoEnv();
    const misbehave = await misbehaveEnv();
    expect([echo.NOT_DECLARED, echo.NOT_DECLARED_HERE, misbehave.NOT_DECLARED, misbehave.GREETING]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(api.errors).toEqual(
      expect.arrayContaining([
        "warning: env.json: EchoFunction.NOT_DECLARED_HERE is not set: the template does not declare it in the function's Environment.Variables",
        "warning: env.json: MisbehaveFunction.GREETING is not set: the template does not declare it in the function's Environment.Variables",
        'warning: env.json: NoSuchFunction is not a function of the template; its variables are not used',
        'warning: env.json: Parameters.NOT_DECLARED is not set: no function declares it in its Environment.Variables',
      ]),
    );
  });

  it('resolves !Sub with the parameter overrides', async () => {
    expect((await echoEnv()).GREETING).toBe('howdy from xx-local-1');
  });

  it('applies an edited file without a restart, and keeps the last good one through a malformed save', async () => {
    await writeFile(envVarsPath, JSON.stringify({ ...ENV_VARS, EchoFunction: { OVERRIDDEN: 'edited' } }));
    expect(await lineSaying(api, 'env.json changed: ')).toMatch(/EchoFunction changed/);
    expect((await echoEnv()).OVERRIDDEN).toBe('edited');

    await writeFile(envVarsPath, '{ "Parameters": ');
    expect(await lineSaying(api, 'env.json changed but cannot be served')).toMatch(
      /still serving the last version:\n--env-vars .*env\.json: not valid JSON/,
    );
    expect((await echoEnv()).OVERRIDDEN).toBe('edited');
  });
});

describe('an env vars file that cannot be used', () => {
  it.each([
    ['not JSON', '{ nope', /^--env-vars \S+env\.json: not valid JSON \(/],
    ['a list', '[]', /^--env-vars \S+env\.json: must be a JSON object like \{"Parameters"/],
    [
      'a section that is not an object',
      '{"EchoFunction": "on"}',
      /^--env-vars env\.json: EchoFunction must be an object of variable names to values$/,
    ],
    [
      'a value that is an object',
      '{"Parameters": {"SHARED": {"a": 1}}}',
      /^--env-vars env\.json: Parameters\.SHARED must be a string, a number or a boolean$/,
    ],
  ])('stops the start with a message saying why: %s', async (_name, text, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'local-api-env-vars-bad-'));
    try {
      await writeFile(join(dir, 'env.json'), text);
      await expect(startTestApi({ templatePath: FIXTURE_TEMPLATE, envVarsPath: join(dir, 'env.json') })).rejects.toThrow(message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops the start when the file is missing', async () => {
    await expect(startTestApi({ templatePath: FIXTURE_TEMPLATE, envVarsPath: join(workDir, 'missing.json') })).rejects.toThrow(
      /^--env-vars \S+missing\.json: no such file$/,
    );
  });
});
