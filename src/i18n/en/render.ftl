# Messages of render: the plan of output paths (render/plan.rs, names.rs),
# the redirect pages (render/outputs/redirects.rs), templates and the theme.

render-origin-home = the home page
render-origin-404 = the 404 page
render-origin-sitemap = the site map page
render-origin-feed = the site's feed
render-origin-column = column `{ $slug }`
render-origin-column-feed = the feed of column `{ $slug }`
render-origin-report = the { $year } report of column `{ $slug }`
render-origin-downloads = the downloads of the { $year } report of column `{ $slug }`
render-origin-file = `{ $file }`
render-origin-static = the static file `{ $path }`
render-origin-attachment = attachment { $number } of `{ $file }`
render-origin-alias = the alias `{ $alias }` of `{ $file }`
render-origin-old-slug = the old slug `{ $old }` of column `{ $slug }`

render-duplicate = { $first } and { $second } both publish to { $path }
render-folder-clash = { $needs } needs /{ $dir }/ to be a folder (for /{ $path }), but { $file } publishes the file /{ $dir }
render-collision-hint = rename one of them: an item by its file name or `slug:`, a column by its `slug` in site.yaml; remove an alias (`aliases:`) that is a real page's address
render-look-alike = { $first } and { $second } publish { $one } and { $other }, names that differ only in case or Unicode normalisation: on Windows, macOS and many web servers they are one file
render-name-shorten = shorten the name to at most { $max } bytes (a Chinese character takes 3)
render-name-too-long-staged = { $what } publishes { $shown }, whose name is { $bytes } bytes: its temporary name `.{ $name }.gongkai-new` would be { $staged }, over the { $max }-byte limit of file names
render-name-too-long-folder = { $what } needs the folder { $shown }, whose name is { $bytes } bytes, over the { $max }-byte limit of file names
render-name-control = { $what } { $kind ->
        [file] publishes
       *[folder] needs
    } { $shown }, whose name contains control characters
render-name-sign = { $what } { $kind ->
        [file] publishes
       *[folder] needs
    } { $shown }, whose name contains `{ $sign }`, which { $role } in a web address
render-name-rename = rename the file or folder it comes from
render-sign-query = starts a query
render-sign-fragment = starts a fragment
render-sign-escape = starts an escape

render-alias-bad = alias `{ $alias }` cannot be used: { $why }
render-alias-empty = it is empty
render-alias-not-in-site = write a path of this site, e.g. /tzgg/old.html, not an address with http:// or of another site
render-alias-bad-sign = a path cannot contain \ ? # % or control characters
render-alias-dots = a path cannot contain `..`, `.` or `//`
render-alias-ending = it must end in .html (a page) or / (a folder)
render-old-slug-bad = old slug `{ $old }` cannot be used: { $why }
render-old-slug-same = it is the column's current slug

render-template-syntax = template syntax error: check that {"{{"} {"}}"} and {"{%"} {"%}"} are paired and spelled right here
render-template-syntax-detail = template syntax error: { $detail }
render-template-error = template error: check the names of the variables and filters used here
render-template-error-detail = template error: { $detail }
render-template-no-parent = template extends `{ $parent }`, which does not exist
render-template-not-found = template `{ $name }` not found
render-template-unknown-name = the template uses the { $what } `{ $name }`, which does not exist: check its spelling
render-theme-not-found = theme `{ $name }` not found
render-theme-not-found-hint = create { $dir } or remove `theme:`
render-theme-cannot-read = cannot read: { $why }
render-theme-bad-name = file name is not valid UTF-8: rename it
render-origin-elder = the 长者模式 (elderly-friendly) copy of { $page }
render-origin-search = the site search index (the pagefind folder)
render-origin-search-page = the search page
render-search-failed = the site search index could not be made: { $detail }
render-search-memory = the site search index will need about { $need } GB of memory and this machine has about { $have } GB free: the system may stop the build (the site stays as it was last built). Build on a machine with more memory, or write search: false in site.yaml to leave the search out
render-origin-rollup = the { $year } summary of column `{ $slug }`
render-theme-outside-site = this theme folder is a link to somewhere outside the site folder: it is not used
render-theme-outside-site-hint = copy the theme folder itself into themes/ and delete the link
render-theme-file-outside-site = this file is a link to somewhere outside the site folder: it is not published
render-theme-file-outside-site-hint = copy the file itself here and delete the link
