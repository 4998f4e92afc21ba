import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../../shared/api/shell';

const STRINGS = {
  'zh-CN': {
    file: '文件',
    newElection: '新建选举…',
    openElection: '打开选举…',
    importRoll: '导入选民名册…',
    exportSealed: '导出封存结果文件…',
    print: '打印…',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    language: '语言',
    help: '帮助',
    about: '关于',
  },
  en: {
    file: 'File',
    newElection: 'New election…',
    openElection: 'Open election…',
    importRoll: 'Import voter roll…',
    exportSealed: 'Export sealed result file…',
    print: 'Print…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    language: 'Language',
    help: 'Help',
    about: 'About',
  },
} as const satisfies Record<Language, Record<string, string>>;

/**
 * The application menu in the page's language. Every item that acts on the election is sent to the page as a command
 * (the page does what its own button does); only zoom, edit and quit are handled natively. No reload or DevTools
 * items when packaged.
 */
export function menuTemplate(
  lang: Language,
  opts: { send: (cmd: MenuCommand) => void; packaged: boolean; isMac: boolean; appName: string },
): MenuItemConstructorOptions[] {
  const s = STRINGS[lang];
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => opts.send(command),
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!opts.packaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(opts.isMac ? [{ label: opts.appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] } as MenuItemConstructorOptions] : []),
    {
      label: s.file,
      submenu: [
        cmd(s.newElection, 'election:new', 'CmdOrCtrl+N'),
        cmd(s.openElection, 'election:open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        cmd(s.importRoll, 'roll:import', 'CmdOrCtrl+I'),
        cmd(s.exportSealed, 'export:sealed', 'CmdOrCtrl+E'),
        { type: 'separator' },
        cmd(s.print, 'print', 'CmdOrCtrl+P'),
        ...(opts.isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit', label: s.quit } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: s.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: s.view, submenu: view },
    {
      label: s.language,
      submenu: [
        { label: '中文', type: 'radio', checked: lang === 'zh-CN', click: () => opts.send('language:zh-CN') },
        { label: 'English', type: 'radio', checked: lang === 'en', click: () => opts.send('language:en') },
      ],
    },
  ];
}
