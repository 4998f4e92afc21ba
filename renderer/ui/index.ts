/**
 * The one UI kit every screen is built from: error and success notes, the load and action hooks, labelled fields.
 * Its classes are `ui-*` (ui.css); a screen's own classes are prefixed with its page (`counting-*`, `setup-*` …).
 */
import './ui.css';

export { errorText, ErrorNote, OkNote } from './errors';
export { useAction, useLoad, type Action, type Loaded } from './hooks';
export { Field } from './Field';
export { Loading } from './Loading';
export { usePagedList, type PagedList, type PageLoader } from './paged-list';
