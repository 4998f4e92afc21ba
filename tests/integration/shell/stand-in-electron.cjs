// A stand-in for the `electron` module (not our code), just enough for dist/electron/main.cjs to boot under plain Node.
// It records what the main process asks of Electron so main-bundle.test.ts can check the wiring.
const EventEmitter = require('node:events');

const record = { privileged: [], windows: [], ipc: new Map(), protocol: null, beforeRequest: null, permission: null, permissionCheck: null, menus: [], sandbox: false, quitCalls: 0 };

class App extends EventEmitter {
  constructor() {
    super();
    this.paths = { userData: '/nonexistent/stand-in-user-data' };
    this.isPackaged = true;
  }
  setPath(k, v) { this.paths[k] = v; }
  getPath(k) { return this.paths[k]; }
  getVersion() { return '0.0.0-test'; }
  enableSandbox() { record.sandbox = true; }
  requestSingleInstanceLock() { return true; }
  whenReady() { return new Promise((r) => setTimeout(r, 5)); }
  quit() {
    record.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => { prevented = true; } });
    if (!prevented) this.emit('quit-done');
  }
  exit(code) { record.exitCode = code; }
}
const app = new App();

class WebContents extends EventEmitter {
  setWindowOpenHandler(fn) { this.windowOpenHandler = fn; }
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    record.windows.push(this);
  }
  loadURL(url) { this.url = url; return Promise.resolve(); }
  static getAllWindows() { return record.windows; }
  static fromWebContents() { return null; }
}

const defaultSession = {
  protocol: { handle: (scheme, fn) => { record.protocol = { scheme, fn }; } },
  webRequest: { onBeforeRequest: (_filter, fn) => { record.beforeRequest = fn; } },
  setPermissionRequestHandler: (fn) => { record.permission = fn; },
  setPermissionCheckHandler: (fn) => { record.permissionCheck = fn; },
  setDevicePermissionHandler: () => {},
};

module.exports = {
  __record: record,
  app,
  BrowserWindow,
  session: { defaultSession },
  ipcMain: { handle: (c, fn) => record.ipc.set(c, fn), removeHandler: (c) => record.ipc.delete(c) },
  protocol: { registerSchemesAsPrivileged: (s) => record.privileged.push(...s) },
  Menu: { setApplicationMenu: (m) => record.menus.push(m), buildFromTemplate: (t) => t },
  dialog: {},
};
