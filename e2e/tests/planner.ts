import { expect, type Page } from '@playwright/test';

/** The planner 01-platform.spec.ts invites; the later journeys work as her. */
export const planner = { email: 'sato@sakura-clinic.jp', password: 'sakura-planner-2026' };

export const shot = (page: Page, name: string) => page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });

/** Today's fiscal year in Japan (April–March), as the app computes it. */
export function currentFiscalYear(): number {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** Signs the planner in and makes sure the screens are in Japanese (01 switched her account to English). */
export async function signInInJapanese(page: Page) {
  await page.goto('/login');
  await page.getByLabel('メールアドレス').fill(planner.email);
  await page.getByLabel('パスワード', { exact: true }).fill(planner.password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByText('佐藤 花子').first()).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'ja') await page.getByText('日本語', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
}
