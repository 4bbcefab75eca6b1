// reportal serve: one live-reload event stream shared by every open page
// of the preview (see live.js). Remembers where the server is, so a page
// that connects later learns it at once.
const ports = new Set();
let hello = null;
let problem = null;
const source = new EventSource('/__reportal/live');
for (const type of ['hello', 'reload', 'css', 'problem', 'fixed']) {
  source.addEventListener(type, (event) => {
    if (type === 'hello') {
      hello = event.data;
      problem = null;
    } else if (type === 'reload' || type === 'css') {
      if (hello !== null) hello = hello.split(' ')[0] + ' ' + event.data;
      problem = null;
    } else if (type === 'problem') {
      problem = event.data;
    } else {
      problem = null;
    }
    for (const port of ports) port.postMessage({ type, data: event.data });
  });
}
onconnect = (event) => {
  const port = event.ports[0];
  ports.add(port);
  port.onmessage = (message) => { if (message.data === 'bye') ports.delete(port); };
  if (hello !== null) port.postMessage({ type: 'hello', data: hello });
  if (problem !== null) port.postMessage({ type: 'problem', data: problem });
};
