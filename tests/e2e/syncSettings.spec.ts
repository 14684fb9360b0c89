/**
 * Turning syncing on and off from the start screen. No server runs here (the sync suites in
 * tests/server and tests/integration/sync test the real one): a wrong address or token is
 * refused in Swedish and nothing is kept; a good one to a closed loopback port is kept, shown
 * as waiting for the network, survives a reload, and can be turned off again.
 */
import { expect, openApp, test } from './harness';

test('the server address and token are checked, kept, shown with their state, and turned off again', async ({ page, harness }) => {
  await openApp(page, harness);
  const settings = page.getByTestId('sync-settings');
  await settings.locator('summary').click();
  await expect(page.getByTestId('sync-settings-state')).toHaveText('(av)');

  await settings.getByLabel('Serverns adress').fill('http://paragraf.example.se');
  await settings.getByLabel('Nyckel (token)').fill('pgf_' + 'a'.repeat(43));
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('sync-settings-error')).toContainText('Serveradressen måste börja med wss://');
  await expect(page.getByTestId('sync-settings-state')).toHaveText('(av)');

  await settings.getByLabel('Serverns adress').fill('ws://127.0.0.1:9');
  await settings.getByLabel('Nyckel (token)').fill('fel-nyckel');
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('sync-settings-error')).toContainText('börjar med pgf_');
  await expect(page.getByTestId('sync-settings-state')).toHaveText('(av)');

  await settings.getByLabel('Nyckel (token)').fill('pgf_' + 'a'.repeat(43));
  await page.getByTestId('sync-save').click();
  await expect(page.getByTestId('sync-settings-error')).toBeHidden();
  await expect(page.getByTestId('sync-settings-state')).toHaveText(/^\((ansluter till ws:\/\/127\.0\.0\.1:9|väntar på nätverk \(ws:\/\/127\.0\.0\.1:9\))\)$/);
  // The token is not shown again once saved.
  await expect(settings.getByLabel('Nyckel (token)')).toHaveValue('');

  await page.reload();
  await expect(page.getByTestId('sync-settings-state')).toHaveText(/ws:\/\/127\.0\.0\.1:9/);
  await page.getByTestId('sync-settings').locator('summary').click();
  await page.getByTestId('sync-off').click();
  await expect(page.getByTestId('sync-settings-state')).toHaveText('(av)');
});
