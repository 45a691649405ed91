import { useSession } from './session';

/**
 * Whether the server sends e-mail (MAMORI_SMTP_URL). Without it screens offer a link to pass on rather
 * than promising a mail; `mailKey` picks the message written for that case (same key + `NoMail`).
 */
export function useMailDelivery() {
  const { data } = useSession();
  const delivers = data?.mailDelivery ?? true;
  return { delivers, mailKey: (key: string) => (delivers ? key : `${key}NoMail`) };
}
