// reportal serve: live reload. Injected into pages only while previewing.
(() => {
  const TYPES = ['hello', 'reload', 'css', 'problem', 'fixed'];
  // The build this page came from (see the version check below).
  const script = document.currentScript;
  const version = script ? script.dataset.version : undefined;
  // In the language of reportal's messages (the server says which).
  const problemTitle = (script && script.dataset.problemTitle) || 'reportal';

  const scrollKey = 'reportal-scroll:' + location.pathname;
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    // Back where the reader was before the reload.
    sessionStorage.removeItem(scrollKey);
    const y = Number(saved);
    const restore = () => window.scrollTo(0, y);
    restore();
    window.addEventListener('load', restore);
  }

  // "<server instance> <generation>": another instance (the server was
  // restarted) or a later generation (builds missed while disconnected)
  // means this page may be stale.
  let seen = null;
  const handlers = {
    hello(data) {
      if (seen !== null && seen !== data) reload();
      seen = data;
      // For tests and the curious: this page is listening.
      document.documentElement.dataset.reportalLive = 'connected';
    },
    reload(data) { advance(data); reload(); },
    css(data) {
      advance(data);
      hideProblem();
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const url = new URL(link.href);
        url.searchParams.set('reportal', data);
        link.href = url.href;
      }
    },
    problem: (data) => showProblem(data),
    fixed: () => hideProblem(),
  };
  function advance(generation) {
    if (seen !== null) seen = seen.split(' ')[0] + ' ' + generation;
  }
  const handle = (type, data) => handlers[type] && handlers[type](data);

  // One event stream for all open pages, through a shared worker: a
  // browser keeps only about six connections to one server, and each
  // page holding its own stream would soon leave none for loading pages.
  function connect() {
    if (window.SharedWorker) {
      try {
        const worker = new SharedWorker('/__reportal/live-worker.js');
        worker.port.onmessage = (event) => handle(event.data.type, event.data.data);
        worker.port.start();
        window.addEventListener('pagehide', () => worker.port.postMessage('bye'));
        return;
      } catch (error) {
        // Shared workers refused (some privacy settings): a stream of our own.
      }
    }
    const source = new EventSource('/__reportal/live');
    for (const type of TYPES) source.addEventListener(type, (event) => handle(type, event.data));
  }
  connect();
  // A build that landed while this page was loading announced itself
  // before the page listened: ask which version of the page is current.
  if (version !== undefined) {
    fetch('/__reportal/version?path=' + encodeURIComponent(location.pathname), { cache: 'no-store' })
      .then((response) => response.text())
      .then((current) => { if (current !== '' && current !== version) reload(); })
      .catch(() => {});
  }

  // Fetches the page again and swaps its body in: faster than a reload,
  // the reader stays where they were, and the event stream stays open.
  // Anything unusual (the page is gone, its language or head changed)
  // reloads fully. Only the newest of overlapping fetches is used.
  let latest = 0;
  let inFlight = null;
  async function reload() {
    const ticket = ++latest;
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    try {
      const response = await fetch(location.href, { cache: 'no-store', signal: inFlight.signal });
      if (!response.ok) throw new Error('status ' + response.status);
      const text = await response.text();
      if (ticket !== latest) return;
      const next = new DOMParser().parseFromString(text, 'text/html');
      if (next.documentElement.lang !== document.documentElement.lang) throw new Error('language changed');
      if (head(next) !== head(document)) throw new Error('head changed');
      const x = window.scrollX;
      const y = window.scrollY;
      const focus = focused();
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      window.scrollTo(x, y);
      const again = focus && focus();
      if (again) again.focus({ preventScroll: true });
    } catch (error) {
      if (error.name === 'AbortError' || ticket !== latest) return;
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    }
  }

  // The head as it matters: without the title (swapped separately) and
  // without the `?reportal=` a stylesheet swap adds.
  function head(doc) {
    return [...doc.head.children].filter((e) => e.tagName !== 'TITLE').map((e) => {
      const copy = e.cloneNode(true);
      if (copy.tagName === 'LINK' && copy.getAttribute('href')) {
        const url = new URL(copy.getAttribute('href'), location.href);
        url.searchParams.delete('reportal');
        copy.setAttribute('href', url.href);
      }
      return copy.outerHTML;
    }).join('\n');
  }

  // How to find the focused element again in the new body: by id, or a
  // link by its address.
  function focused() {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    if (active.id) return () => document.getElementById(active.id);
    const href = active.getAttribute('href');
    if (href) return () => [...document.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === href);
    return null;
  }

  function showProblem(text) {
    let overlay = document.getElementById('reportal-problem');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'reportal-problem';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;' +
        'background:#fff5f5;color:#5c0a0a;border-top:4px solid #b00020;padding:12px 16px;' +
        'font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
      const title = document.createElement('strong');
      title.textContent = problemTitle;
      const body = document.createElement('pre');
      body.style.cssText = 'margin:8px 0 0;white-space:pre-wrap';
      overlay.append(title, body);
      document.body.append(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }

  function hideProblem() {
    const overlay = document.getElementById('reportal-problem');
    if (overlay) overlay.remove();
  }
})();
