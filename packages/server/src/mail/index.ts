export { enqueueMail, enqueueMails } from './queue.js';
