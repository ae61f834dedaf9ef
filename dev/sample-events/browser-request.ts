import { request, type RequestSpec } from './sample-request';
import { SAMPLE_API_HOST } from './rest-v1-event';

/**
 * The headers a browser's request carries once it has crossed API Gateway's edge (CloudFront),
 * Title-Case as the REST API hands them over; compare AWS's own `apigateway aws-proxy` sample.
 */
export function browserEdgeHeaders(host: string = SAMPLE_API_HOST): [string, string][] {
  return [
    ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'],
    ['Accept-Encoding', 'gzip, deflate, br, zstd'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ['CloudFront-Forwarded-Proto', 'https'],
    ['CloudFront-Is-Desktop-Viewer', 'true'],
    ['CloudFront-Is-Mobile-Viewer', 'false'],
    ['CloudFront-Is-SmartTV-Viewer', 'false'],
    ['CloudFront-Is-Tablet-Viewer', 'false'],
    ['CloudFront-Viewer-Country', 'US'],
    ['Host', host],
    ['Upgrade-Insecure-Requests', '1'],
    ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0'],
    ['Via', '2.0 0123456789abcdef0123456789abcdef.cloudfront.net (CloudFront)'],
    ['X-Amz-Cf-Id', 'Yy2nN0a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5=='],
    ['X-Amzn-Trace-Id', 'Root=1-6560a1b2-0123456789abcdef01234567'],
    ['X-Forwarded-For', '203.0.113.10, 198.51.100.7'],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Proto', 'https'],
  ];
}

/** Three cookies, as a signed-in browser session sends them. */
export const BROWSER_COOKIES = ['session=6f1c0e2a9b7d4c3e8a5f', 'theme=dark', 'consent=analytics%3Dno'];

/**
 * A browser's request as a realistic benchmark needs it: 18 edge headers plus a Cookie with three
 * cookies (19 in all), and the client's address as the edge saw it.
 */
export function browserRequest(fields: Partial<RequestSpec> & { readonly path: string }): RequestSpec {
  return request({ headers: browserEdgeHeaders(), cookies: BROWSER_COOKIES, sourceIp: '203.0.113.10', ...fields });
}
