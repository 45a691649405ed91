export { enqueueMail } from './queue.js';
