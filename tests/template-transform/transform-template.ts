import { execFileSync } from 'node:child_process';

// The real SAM transform, as cfn-lint (which installs it) and CloudFormation run it. A packaged
// template has S3 CodeUris, and the transform needs a region: both placeholders.
const TRANSFORM = `
import json, sys
from samtranslator.yaml_helper import yaml_parse
from samtranslator.translator.transform import transform
class NoManagedPolicies:
    def load(self): return {}
template = yaml_parse(sys.stdin.read())
template.setdefault('Globals', {}).setdefault('Function', {})['CodeUri'] = 's3://packaged/code.zip'
for resource in template['Resources'].values():
    if resource['Type'] == 'AWS::Serverless::Function' and 'CodeUri' in resource.get('Properties', {}):
        resource['Properties']['CodeUri'] = 's3://packaged/code.zip'
print(json.dumps(transform(template, {}, NoManagedPolicies())))
`;

/** What CloudFormation deploys for a SAM template: its resources after AWS::Serverless-2016-10-31. */
export interface TransformedTemplate {
  readonly Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

/** Runs the SAM transform (python3 with samtranslator, which `pip install cfn-lint` brings) on a template's text. */
export function transformTemplate(yamlText: string): TransformedTemplate {
  try {
    const json = execFileSync('python3', ['-c', TRANSFORM], {
      input: yamlText,
      env: { ...process.env, AWS_DEFAULT_REGION: 'xx-local-1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(json.toString('utf8')) as TransformedTemplate;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? String(error);
    throw new Error(`the SAM transform did not run (pip install cfn-lint brings it): ${stderr.split('\n').slice(-3).join(' ')}`, {
      cause: error,
    });
  }
}
