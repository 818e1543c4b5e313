import { api, report, useCsrfToken } from './api.js';
import { showInbox } from './inbox.js';
import { showPreview } from './preview.js';
import { showRules } from './rules.js';
import { showStatus } from './status.js';

const VIEWS = { inbox: showInbox, rules: showRules, preview: showPreview, status: showStatus };

const signIn = document.getElementById('sign-in');
const consoleArea = document.getElementById('console');
const signOut = document.getElementById('sign-out');
const signInForm = document.getElementById('sign-in-form');
const tokenInput = document.getElementById('token');
const signInError = document.getElementById('sign-in-error');

function showSignIn(message = '') {
  consoleArea.hidden = true;
  signOut.hidden = true;
  signIn.hidden = false;
  signInError.textContent = message;
  tokenInput.focus();
}

async function showConsole() {
  signIn.hidden = true;
  consoleArea.hidden = false;
  signOut.hidden = false;
  await route(true);
}

/** Shows the view the address names (#inbox by default); errors of a view are said, not thrown. */
async function route(focus = false) {
  const name = VIEWS[location.hash.slice(1)] ? location.hash.slice(1) : 'inbox';
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const view of Object.keys(VIEWS)) document.getElementById(`view-${view}`).hidden = view !== name;
  document.title = `${document.querySelector(`.tabs a[data-view="${name}"]`).firstChild.textContent.trim()}｜管理主控台｜信保基金智慧客服`;
  try {
    await VIEWS[name]();
  } catch (error) {
    report(error);
  }
  if (focus) document.getElementById(`${name}-title`).focus();
}

document.addEventListener('console:signed-out', () => showSignIn('登入已逾時，請重新登入。'));

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = signInForm.querySelector('button');
  button.disabled = true;
  try {
    const session = await api('/admin/session', { method: 'POST', body: { token: tokenInput.value } });
    useCsrfToken(session.csrfToken);
    tokenInput.value = '';
    await showConsole();
  } catch (error) {
    signInError.textContent = error.message;
    tokenInput.select();
  } finally {
    button.disabled = false;
  }
});

signOut.addEventListener('click', async () => {
  try {
    await api('/admin/session', { method: 'DELETE' });
  } finally {
    useCsrfToken('');
    showSignIn('已登出。');
  }
});

window.addEventListener('hashchange', () => {
  if (!consoleArea.hidden) void route(true);
});

try {
  const session = await api('/admin/session');
  useCsrfToken(session.csrfToken);
  await showConsole();
} catch {
  showSignIn();
}
