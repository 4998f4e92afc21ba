/** Joins a folder typed or chosen by the user with a file name, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** The sealed file's name: the election date, and 演练 for a drill so it is never taken for the real file. */
export function sealedFileName(e: { date: string; drill: boolean }): string {
  return `选举结果-${e.date}${e.drill ? '-演练' : ''}.sealed.json`;
}
