"""Articles from the web: feeds followed, pages saved by address, originals kept.

The command line and the app only call these; nothing here prints or imports textual.

- `subscribe.subscribe(library, url, name, tags)`: follow a feed (or a page that links one).
- `subscribe.import_opml(library, path)` / `subscribe.export_opml(library)`: OPML both ways.
- `subscriptions.load_feeds(library)` / `editing_feeds(library)`: the list in feeds.yaml.
- `refresh.refresh_feeds(library, names, on_progress=..., stop=...)`: fetch feeds, store new
  articles; one `FeedReport` per feed.
- `pages.fetch_page(url)`: one address fetched and extracted into an `Article` (`.article`),
  nothing stored (the Add dialog's preview).
- `saving.save_pages(library, urls, tags)`: pages by address into the library;
  `later.fetch_saved_links(library)`: the links saved to read later (library.savedlinks).
- `originals.reextract(library, id)`: extract an article again from its kept page.
- `client.Fetcher`: the one HTTP client (limits, timeouts, redirects); `FetchError` its failures.
"""
