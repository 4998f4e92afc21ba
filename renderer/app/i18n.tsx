import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from '../../shared/i18n';
import { formatDate, formatDateTime } from '../../shared/domain/when';

export const LANG_STORAGE_KEY = 'station.lang';

interface LangState {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
  toggleLang(): void;
}

const LangContext = createContext<LangState>({
  lang: DEFAULT_LANG,
  t: translator(DEFAULT_LANG),
  setLang: () => {},
  toggleLang: () => {},
});

function storedLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** The chosen language, remembered across launches in localStorage; zh-CN unless someone chose English. */
export function LangProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      /* not remembered, still switched */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<LangState>(
    () => ({ lang, t: translator(lang), setLang, toggleLang: () => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN') }),
    [lang, setLang],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

export function useT(): Translate {
  return useContext(LangContext).t;
}

/** Dates and moments in the screen's language, through the one formatter (renderer/ui/when.ts). */
export function useWhen(): { date(value: string): string; dateTime(value: string): string } {
  const { lang } = useContext(LangContext);
  return useMemo(() => ({ date: (v: string) => formatDate(v, lang), dateTime: (v: string) => formatDateTime(v, lang) }), [lang]);
}
