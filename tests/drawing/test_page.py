"""The HTML page (argmap.drawing.page) in a real browser, Debian's chromium driven by Playwright (the `browser`
fixture): clicking a node shows its text, quotes and place."""
from __future__ import annotations

from conftest import MAPS

from argmap.cli import main


def _open(browser, path):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


def test_clicking_a_node_shows_its_text_quote_and_place(browser, tmp_path, runner):
    out = tmp_path / "phones.html"
    result = runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page, requests = _open(browser, out)
    page.click("#claim-office-phone")
    panel = page.locator("#panel")
    assert panel.locator("h1").inner_text() == ("The school office has a telephone through which parents can reach "
                                                "their children.")
    assert panel.locator("blockquote").all_inner_texts() == ["\u201cthe school office has a telephone\u201d",
                                                             "\u201cparents can reach their children through it\u201d"]
    details = panel.inner_text()
    assert "Actor: Schools, Parents" in details
    assert "Section: Replies to objections" in details
    assert "Source: school-phones.txt, line 7" in details  # the source lies beside the map
    # a click pins the panel: hovering another node does not replace it
    page.hover("#claim-ban-phones")
    assert panel.locator("h1").inner_text().startswith("The school office")
    assert requests == [out.as_uri()]  # the page needs nothing from anywhere else


def test_hover_shows_an_argument_and_the_page_is_self_contained(browser, tmp_path, runner):
    out = tmp_path / "phones.html"
    assert runner.invoke(main, ["render", str(MAPS / "school-phones.yaml"), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html
    page, _ = _open(browser, out)
    page.hover("#argument-distraction-argument")
    text = page.locator("#panel").inner_text()
    assert "argument (consequences)" in text.lower()
    assert "Conclusion: Schools should ban phones in class." in text


def test_essay_page_shows_where_a_quote_stands_in_the_essay(browser, tmp_path, runner, essays):
    out = tmp_path / "essay.html"
    result = runner.invoke(main, ["render", str(MAPS / "2021-peninsula-stalemate.yaml"), "-o", str(out),
                                  "--sources", str(essays)])
    assert result.exit_code == 0, result.output
    page, _ = _open(browser, out)
    thesis = page.evaluate("document.querySelector('g.node.thesis').id")
    page.click(f"#{thesis}")
    assert "Source: 2021-peninsula-stalemate.txt, line " in page.locator("#panel").inner_text()
