# Messages of build, serve, init and the output folder (cmd/, output/,
# pipeline/, serve/).

build-failure = error: { $detail }
build-up-to-date = nothing changed since the last build of { $out } ({ $ms } ms)
build-done = built { $total } files into { $out } in { $ms } ms ({ $written } written, { $removed } removed)
build-done-edits = only { $changed } article files changed: rendered { $pages } pages again into { $out } in { $ms } ms ({ $written } written, { $removed } removed; { $total } files in the site)
build-waiting = waiting for another gongkai build to finish writing into { $out }
build-cannot-open-root = cannot open `{ $path }`: { $why }
build-watching = watching { $root } for changes (Ctrl-C to stop)
build-stopped = stopped
build-watch-not-written = { $what }: nothing was written; the previous output is unchanged
build-watch-written = { $what }: rendered { $pages }, wrote { $written } { $written ->
        [one] file
       *[other] files
    } into { $out } in { $ms } ms ({ $removed } removed)

init-exists = `{ $dir }` already has a site.yaml; nothing was changed
init-created = created a new portal in { $dir }
init-kept = kept { $count ->
        [one] { $count } file that was
       *[other] { $count } files that were
    } already there (not overwritten):
init-next = next: cd { $dir }, replace the sample content with your own, then run gongkai check and gongkai build

output-refused = refusing to write the site into `{ $path }`: { $why }
output-refuse-fs-root = it is the file-system root
output-refuse-site-root = it is the site's own folder
output-refuse-inside = it is inside the site's `{ $folder }/` folder
output-refuse-contains-site = it contains the site's own files
output-refuse-outside-site = it is outside the site folder: site.yaml's output: may only name a folder inside the site; to build elsewhere, use --output
output-refuse-not-ours = it is not empty and was not made by gongkai (use --force to write into it anyway)
output-manifest-ignored = ignored `{ $file }`: not a path inside the output folder

build-pages-all = all { $count } { $count ->
        [one] page
       *[other] pages
    }
build-pages-changed = { $count } changed { $count ->
        [one] page
       *[other] pages
    }
build-what-site = site built
build-what-one = { $path } changed
build-what-more = { $path } and { $count } more changed
build-no-thread = cannot start the rebuild thread: { $why }
build-cannot-watch = cannot watch `{ $path }`: { $why }
build-cannot-watch-dir = warning: cannot watch `{ $path }`: { $why }
build-watch-failed = warning: watching files: { $why }

serve-no-site = there is no site.yaml in `{ $path }`
serve-failed = the preview server failed: { $why }
serve-rendered = { $what }: rendered { $pages } in { $ms } ms
serve-not-published = { $what }: not published, still serving the last good build
serve-indexed = search index updated: { $pages } pages in { $ms } ms
serve-index-not-published = the search index was not updated: searching the preview may not find the latest text
serve-serving = serving { $root } at { $url } (Ctrl-C to stop)
serve-ports-in-use = port { $first } and the { $count } ports after it are in use on { $ip }: pick a free one with --port
serve-cannot-listen = cannot listen on { $addr }: { $why }
serve-port-moved = port { $port } is in use, so the preview uses port { $candidate }
serve-public = warning: listening on { $ip }, so other computers on the network can open this preview, drafts included when --drafts is given; use --bind 127.0.0.1 to keep it on this computer
serve-no-browser = warning: could not open a browser; open { $url } yourself
serve-overlay-failed = The build failed with { $count } errors. Below is still the last good build; save a fix and the page reloads.
serve-overlay-close = Close for now
serve-not-built-page = <!DOCTYPE html><html lang="{ $lang }"><head><meta charset="utf-8"><title>Not built yet</title></head><body><p>The site has not been built yet: see the errors.</p></body></html>
