"""First load of the home page: at most 100 KB over the wire (HTML + CSS + JS,
compressed), so it stays fast on a cheap phone with a weak connection.

The test server does not compress, so the test gzips each response body the way
whitenoise (static files, pre-compressed) and a proxy (HTML) do in production."""

import gzip

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIMIT = 100 * 1024


def test_home_first_load_is_at_most_100_kb_compressed(browser, live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115  (real themes and icons on the page)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    sizes = {}

    def remember(response):
        if response.request.resource_type in {"document", "stylesheet", "script", "image", "font"}:
            body = response.body()
            sizes[response.url] = len(gzip.compress(body, compresslevel=6))

    page.on("response", remember)
    page.goto("/", wait_until="networkidle")
    context.close()
    total = sum(sizes.values())
    print(f"home page first load: {total / 1024:.0f} KB compressed over {len(sizes)} responses")
    assert any(url.endswith(".css") for url in sizes), "the stylesheets were not loaded"
    assert total <= LIMIT, f"home page weighs {total / 1024:.0f} KB compressed: " + ", ".join(
        f"{url.rsplit('/', 1)[-1]} {size // 1024} KB" for url, size in sorted(sizes.items(), key=lambda x: -x[1])
    )
