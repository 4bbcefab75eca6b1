// reportal serve: live reload. Injected into pages only while previewing.
(() => {
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

  let generation = null;
  const source = new EventSource('/__reportal/live');
  source.addEventListener('hello', (event) => {
    // A new server, or builds missed while disconnected: reload.
    if (generation !== null && generation !== event.data) reload();
    generation = event.data;
  });
  source.addEventListener('reload', (event) => { generation = event.data; reload(); });
  source.addEventListener('css', (event) => {
    generation = event.data;
    hideProblem();
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('reportal', event.data);
      link.href = url.href;
    }
  });
  source.addEventListener('problem', (event) => showProblem(event.data));
  source.addEventListener('fixed', () => hideProblem());

  // Fetches the page again and swaps its body in: faster than a reload,
  // the reader stays where they were, and the event stream stays open.
  // Anything unusual (the page is gone, its head changed) reloads fully.
  async function reload() {
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      if (!response.ok) throw new Error('status ' + response.status);
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      // Compared without the swap's own `?reportal=` parameter.
      const sheets = (doc) => [...doc.querySelectorAll('link[rel="stylesheet"]')]
        .map((l) => new URL(l.getAttribute('href'), location.href))
        .map((u) => { u.searchParams.delete('reportal'); return u.href; }).join();
      if (sheets(next) !== sheets(document)) throw new Error('head changed');
      const x = window.scrollX;
      const y = window.scrollY;
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
      window.scrollTo(x, y);
    } catch {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    }
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
      title.textContent = document.documentElement.lang.startsWith('zh')
        ? 'reportal：最近一次保存有问题，下面是问题所在；页面仍显示上一次成功的构建'
        : 'reportal: the last save has a problem; showing the last good build';
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
