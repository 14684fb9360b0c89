/**
 * The application menu, in Swedish (the product's language). Editing commands use Electron
 * roles, so undo, cut, copy and paste reach Slate as the ordinary browser commands.
 */
import { Menu, app, dialog, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Paragraf',
      submenu: [
        { role: 'about', label: 'Om Paragraf' },
        { type: 'separator' },
        { role: 'hide', label: 'Göm Paragraf' },
        { role: 'hideOthers', label: 'Göm övriga' },
        { role: 'unhide', label: 'Visa alla' },
        { type: 'separator' },
        { role: 'quit', label: 'Avsluta Paragraf' },
      ],
    });
  }
  template.push(
    {
      label: 'Arkiv',
      submenu: [isMac ? { role: 'close', label: 'Stäng fönster' } : { role: 'quit', label: 'Avsluta' }],
    },
    {
      label: 'Redigera',
      submenu: [
        { role: 'undo', label: 'Ångra' },
        { role: 'redo', label: 'Gör om' },
        { type: 'separator' },
        { role: 'cut', label: 'Klipp ut' },
        { role: 'copy', label: 'Kopiera' },
        { role: 'paste', label: 'Klistra in' },
        { role: 'pasteAndMatchStyle', label: 'Klistra in som oformaterad text' },
        { role: 'selectAll', label: 'Markera allt' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        // Reloading loses nothing: the Core holds every acknowledged update.
        { role: 'reload', label: 'Läs in igen' },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools', label: 'Utvecklarverktyg' }] as MenuItemConstructorOptions[])),
        { type: 'separator' },
        { role: 'resetZoom', label: 'Normal storlek' },
        { role: 'zoomIn', label: 'Zooma in' },
        { role: 'zoomOut', label: 'Zooma ut' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Helskärm' },
      ],
    },
    {
      label: 'Hjälp',
      submenu: [
        {
          label: 'Om Paragraf',
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: 'Om Paragraf',
              message: `Paragraf ${app.getVersion()}`,
              detail: 'Protokoll för sammanträden, skrivna medan mötet pågår.\nMinutes of meetings, written while the meeting runs.',
            });
          },
        },
      ],
    },
  );
  return Menu.buildFromTemplate(template);
}
