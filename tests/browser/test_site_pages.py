import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Hulp bij weinig geld"),
        ("/privacy/", "Privacy"),
        ("/toegankelijkheid/", "Toegankelijkheid"),
    ],
)
def test_site_page_is_accessible(page, path, heading):
    page.goto(path)
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page, f"site{path}")


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"


def test_pages_work_without_javascript(page_no_js):
    for path in ["/", "/privacy/", "/toegankelijkheid/"]:
        response = page_no_js.goto(path)
        assert response.status == 200
        assert page_no_js.locator("h1").count() == 1
        assert page_no_js.locator("footer a[href='/privacy/']").count() == 1
