import { createBareHandler } from '../../floors/bare-handler';

export const handler = createBareHandler('express');
