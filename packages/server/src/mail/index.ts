export { createMailer, type Mailer, type MailMessage } from './mailer.js';
export { enqueueMail, mailQueue, registerMailWorker } from './queue.js';
