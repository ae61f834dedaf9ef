import { createStreamFloor } from '../floor';

export const handler = createStreamFloor();
