# What `reportal serve` says, in the terminal and in the browser
# (src/serve/).

serve-cannot-start = cannot start the server: { $reason }
serve-port-in-use = port { $port } is in use on { $address }: most likely a preview is running already (close it first); or pick another port with --port (--port 0 takes any free one)
serve-cannot-listen = cannot listen on { $address }: { $reason }
serve-reachable = serving on { $address } makes the preview reachable from other machines on the network
serve-cannot-watch = cannot watch { $folder } for changes: { $reason }
serve-serving = serving { $folder } at { $url } (Ctrl-C to stop)
serve-stopped = stopped
# Said of the first build, where a save's file name stands otherwise.
serve-start = first build
serve-internal-error = { $what }: internal error in reportal while rebuilding (please report it, with the file you saved); the next save rebuilds everything
serve-failed-first = { $what }: build failed; nothing to serve until a save fixes it
serve-failed = { $what }: build failed; still serving the last good build
serve-rebuilt = { $what }: { $pages ->
        [one] 1 page rendered
       *[other] { $pages } pages rendered
    }, { $changed ->
        [one] 1 file changed
       *[other] { $changed } files changed
    }, { $ms } ms
serve-rebuilt-css = { $what }: { $pages ->
        [one] 1 page rendered
       *[other] { $pages } pages rendered
    }, { $changed ->
        [one] 1 file changed
       *[other] { $changed } files changed
    } (stylesheet only), { $ms } ms
serve-no-browser = could not open a browser; visit { $url }
serve-overlay-title = reportal: the last save has a problem; showing the last good build
serve-placeholder = The site does not build yet: see the problems below, or in the terminal.
