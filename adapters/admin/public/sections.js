import { api } from './api.js';

/** The rules and documents as loaded now; fetched again after any change the console makes. */
let loaded;

export function rulesAndDocuments() {
  loaded ??= api('/admin/api/rules').catch((error) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

export function forgetRulesAndDocuments() {
  loaded = undefined;
}
